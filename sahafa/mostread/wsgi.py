"""The view beacon's entrance, in front of Django (and of the page cache): a reader's
beacon is counted without building a Django request, running middleware or resolving a
URL — a few cache round trips, so counting keeps up with a busy front page. A beacon with a
session cookie (the newsroom) or anything else goes to Django untouched."""

from urllib.parse import parse_qsl

from django.conf import settings
from django.core.handlers.wsgi import get_path_info

from sahafa.background.proxies import believe_proxies

from . import views

PATH = "/beacon/view"
META = ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_USER_AGENT")
STATUS = {204: "204 No Content", 400: "400 Bad Request"}


class BeaconApplication:
    def __init__(self, application):
        self.application = application
        self.session_cookie = settings.SESSION_COOKIE_NAME + "="

    def __call__(self, environ, start_response):
        if (
            environ.get("REQUEST_METHOD") != "POST"
            or get_path_info(environ) != PATH
            or self.session_cookie in environ.get("HTTP_COOKIE", "")
        ):
            return self.application(environ, start_response)
        # Only what counting reads: copying the whole environ costs more than the rest.
        meta = {name: environ.get(name, "") for name in META}
        believe_proxies(meta)
        params = dict(parse_qsl(environ.get("QUERY_STRING", "")))
        status = views.answer(params, meta)
        start_response(STATUS[status], [*views.HEADERS, ("Content-Length", "0")])
        return []
