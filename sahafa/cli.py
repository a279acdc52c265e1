"""`sahafa <command>`: Django's management commands with the settings preset.

Commands may be spelled with hyphens (`sahafa import-json`), as on the README. A bad
environment variable stops every command before it starts, with the variable, its value
and what is allowed (sahafa/env.py), rather than a traceback."""

import os
import sys

# The exit status of a refused configuration (a failed system check exits with 1).
CONFIG_ERROR_STATUS = 2


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sahafa.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "sahafa"
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from sahafa.env import ConfigError

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reads the environment now
    except ConfigError as error:
        sys.stderr.write(f"sahafa: {error}\n")
        sys.exit(CONFIG_ERROR_STATUS)
    execute_from_command_line(argv)
