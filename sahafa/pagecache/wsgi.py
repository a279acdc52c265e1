"""The page cache's entrance, in front of Django: a fresh stored page is answered from the
cache before Django builds a request, runs sessions, auth and CSRF. When many readers ask
at once for a page that is not stored, one process renders it while the others wait for
it (or get the stale copy); everything else goes to Django untouched."""

import time

from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info

from . import policy, store

# A render holds the page's lock at most this long (a crashed render frees it then).
LOCK_SECONDS = 30
# How long a reader waits for another process's render before rendering the page too.
WAIT_SECONDS = 10
POLL_SECONDS = 0.02


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # The path as Django decodes it (request.path_info), which the middleware stores by.
        path, query = get_path_info(environ), environ.get("QUERY_STRING", "")
        if not (
            policy.enabled()
            and not policy.must_redirect_to_https(environ)
            and policy.cacheable_request(
                environ["REQUEST_METHOD"], path, query, environ.get("HTTP_COOKIE", "")
            )
        ):
            return self.application(environ, start_response)
        query = policy.stored_query(path, query)
        entry = store.load(path, query)
        if entry is not None and entry.is_fresh(time.time()):
            return _serve(entry, environ, start_response, "HIT")
        lock = store.lock_key(path, query)
        if cache.add(lock, 1, timeout=LOCK_SECONDS):
            try:
                # Another process may have stored it between our look and our lock.
                stored = store.load(path, query)
                if stored is not None and stored.is_fresh(time.time()):
                    return _serve(stored, environ, start_response, "HIT")
                return self.application(environ, start_response)
            finally:
                cache.delete(lock)
        if entry is not None:
            return _serve(entry, environ, start_response, "STALE")
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and cache.get(lock) is not None:
            time.sleep(POLL_SECONDS)
        entry = store.load(path, query)
        if entry is not None:
            return _serve(entry, environ, start_response, "HIT")
        return self.application(environ, start_response)


def _serve(entry, environ, start_response, outcome):
    headers = [*entry.headers, ("ETag", entry.etag), ("X-Cache", outcome)]
    if entry.etag in environ.get("HTTP_IF_NONE_MATCH", ""):
        start_response("304 Not Modified", headers)
        return []
    body = entry.body
    if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", ""):
        body = entry.gzipped
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    start_response(f"{entry.status} OK", headers)
    return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
