"""`sahafa <command>`: Django's management commands with the settings preset.

Commands may be spelled with hyphens (`sahafa import-json`), as on the README."""

import os
import sys


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sahafa.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "sahafa"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
