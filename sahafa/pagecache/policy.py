"""What may be cached and for how long: one definition, read by the WSGI entrance (hits)
and the middleware (stores)."""

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.utils import timezone

# Listings' `?page=N` is the only query a cached page may have: anything else (a reader's
# held-comment link, `?replyto=`) is rendered for that request alone.
CACHEABLE_QUERY = re.compile(r"(page=\d{1,6})?")
UNCACHED_PREFIXES = ("/admin/", "/static/", "/media/", "/comments/", "/search/", "/api/")
# The read API's answers are stored too, under their whole query, normalized (parameters
# in name order), so `?tag=x&limit=5` and `?limit=5&tag=x` are one entry that one purge
# forgets. Its search is not: the index follows an edit a moment after the purge. The
# rest of /api/ (the first search API, the schema, the docs) names no surrogate keys.
API_PREFIX = "/api/v1/"
UNCACHED_API = ("/api/v1/search",)
MAX_API_QUERY = 1000
# A live blog's polling answers (sahafa/live) are stored per cursor, `?after=<version>`.
LIVE_PREFIX = "/live/"
LIVE_QUERY = re.compile(r"(after=[0-9]{1,10})?")
# A reader with a session (staff) or a pending flash message sees a page of their own.
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME + "=", "messages=")

# Browsers revalidate every page (a 304 costs one cache lookup here): a reader who just
# commented, or opens a story corrected a moment ago, sees it on the next navigation.
# Shared caches (nginx, a CDN) keep pages for their freshness (s-maxage).
BROWSER_SECONDS = 0
STALE_WHILE_REVALIDATE = 300
STALE_IF_ERROR = 24 * 60 * 60


def enabled():
    return settings.SAHAFA_PAGE_CACHE_SECONDS > 0


def must_redirect_to_https(environ):
    """With SECURE_SSL_REDIRECT, a request that came over http goes to Django, whose
    SecurityMiddleware redirects it, rather than getting a stored page. Secure as Django
    judges it: the proxy's header (SECURE_PROXY_SSL_HEADER) where sent, else the server's."""
    if not settings.SECURE_SSL_REDIRECT:
        return False
    header = settings.SECURE_PROXY_SSL_HEADER
    if header and header[0] in environ:
        return environ[header[0]].split(",", 1)[0].strip() != header[1]
    return environ.get("wsgi.url_scheme") != "https"


def cacheable_request(method, path, query, cookies):
    return (
        method in ("GET", "HEAD")
        and stored_query(path, query) is not None
        and not any(name in cookies for name in PRIVATE_COOKIES)
    )


def stored_query(path, query):
    """The query string a page for `path?query` is stored under, None if it is not stored."""
    if path.startswith(API_PREFIX) and not path.startswith(UNCACHED_API):
        if len(query) > MAX_API_QUERY:
            return None
        pairs = parse_qsl(query, keep_blank_values=True)
        return urlencode(sorted(pairs, key=lambda pair: pair[0]))
    if path.startswith(LIVE_PREFIX):
        return query if LIVE_QUERY.fullmatch(query) else None
    if path.startswith(UNCACHED_PREFIXES) or CACHEABLE_QUERY.fullmatch(query) is None:
        return None
    return query


def cacheable_response(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
        and response.has_header("Surrogate-Key")
    )


def cache_control(lifetime):
    return (
        f"public, max-age={min(BROWSER_SECONDS, int(lifetime))}, s-maxage={int(lifetime)}, "
        f"stale-while-revalidate={STALE_WHILE_REVALIDATE}, stale-if-error={STALE_IF_ERROR}"
    )


def lifetime(response=None, stamp=None):
    """Seconds a page rendered now stays fresh: the configured lifetime, cut short by the
    next moment pages change with nothing saved — a scheduled article going live, a
    breaking item leaving the ticker, a front-page placement expiring — and by midnight
    (the masthead's date). That moment is the content version's under the purge `stamp`
    the render started with (`store.content_version()`: looked up once per stamp). A
    response may ask for less with `response.fresh_for` (seconds): a live blog's polling
    answer, which shared caches that cannot be purged (nginx) must not keep long."""
    from . import store

    now = timezone.now()
    limit = settings.SAHAFA_PAGE_CACHE_SECONDS
    if getattr(response, "fresh_for", None) is not None:
        limit = min(limit, response.fresh_for)
    _stamp, next_change, _span = store.content_version(
        store.purge_stamp() if stamp is None else stamp
    )
    for moment in filter(None, [next_change, _next_midnight(now)]):
        limit = min(limit, max(1.0, (moment - now).total_seconds()))
    return limit


def _next_midnight(now):
    local = timezone.localtime(now)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    return timezone.make_aware(tomorrow, local.tzinfo)
