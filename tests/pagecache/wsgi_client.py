"""A reader's request through `sahafa.wsgi.application`, the entrance the server runs (the
page cache in front of Django), without a network. Django's test client enters behind it."""

import io
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes
from wsgiref.util import setup_testing_defaults

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def cache(self):
        return self.headers.get("x-cache")

    @property
    def keys(self):
        return set(self.headers.get("surrogate-key", "").split())


def fetch(path, query="", cookie="", application=None, **headers):
    """`application`: the server's own unless a test built one with other settings."""
    if application is None:
        from sahafa.wsgi import application

    # PEP 3333: the decoded path's UTF-8 bytes, read as latin-1.
    path = unquote_to_bytes(path).decode("latin-1")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "wsgi.input": io.BytesIO()}
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = {name.lower(): value for name, value in response_headers}

    # As Django's test client does: the test's transaction must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = application(environ, start_response)
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Answer(answer["status"], answer["headers"], body)
