"""The public address of a site served where the operator named none.

`SAHAFA_BASE_URL` names the address readers use, for canonical and share links, feeds,
sitemaps and the sites record. An operator who did not set it and runs `sahafa demo
--port 8011` (or `sahafa serve --port 8011`) means the address being served, not the
default's port 8000: the address is then made from the host and port, for this process
and, through the environment, for the web workers it starts."""

import os

from django.conf import settings

# Bind addresses that mean "every interface": a browser here reaches them on loopback.
_EVERY_INTERFACE = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "[::1]"}


def served_address(host, port):
    """The http:// address a browser on this machine uses for a server bound to
    ``host``:``port``."""
    shown = _EVERY_INTERFACE.get(host, host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def follow_served_address(host, port):
    """Unless the operator set SAHAFA_BASE_URL, make it the address being served."""
    address = served_address(host, port)
    if os.environ.get("SAHAFA_BASE_URL") or address == settings.SAHAFA_BASE_URL:
        return
    os.environ["SAHAFA_BASE_URL"] = address
    settings.SAHAFA_BASE_URL = address
