"""Old addresses answer with one 301 to where their content lives now, before any URL
pattern can claim them: `/2019/05/old-post/` would otherwise be read as article 5 of a
section «2019», and `/?p=123` as the front page."""

from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect

from .models import OldUrl

SKIPPED_PREFIXES = ("/static/", "/media/", "/admin/", "/api/", "/comments/", "/search/")
SHORT_LINK_PARAMETERS = ("p", "page_id")
# Whether the site has any old address, in the shared cache: a site that never moved from
# WordPress pays no query per request. "No" is checked again after a while; "yes" is set
# by the imports when they commit and kept.
ANY_KEY = "wordpress:any-old-url"
NONE_RECHECK_SECONDS = 300


def any_old_urls():
    known = cache.get(ANY_KEY)
    if known is None:
        known = OldUrl.objects.exists()
        cache.set(ANY_KEY, known, None if known else NONE_RECHECK_SECONDS)
    return known


def old_urls_added():
    """Called by whatever writes old addresses, inside its transaction."""
    transaction.on_commit(lambda: cache.set(ANY_KEY, True, None), robust=True)


def candidate_paths(request):
    """The keys an old address may be stored under: WordPress's `?p=ID` short link, and the
    path with its trailing slash (WordPress permalinks end with one)."""
    path = request.path
    keys = []
    for name in SHORT_LINK_PARAMETERS:
        value = request.GET.get(name, "")
        if value.isdigit():
            keys.append(f"{path}?{name}={int(value)}")
    if path != "/":  # the front page itself is no old address
        keys.append(path)
    if not path.endswith("/"):
        keys.append(path + "/")
    return keys


def destination(request):
    """Where an old address leads now; "" for an article that is not public (a draft, a
    private post: not found, and its headline stays unpublished); None for an address the
    old site never had."""
    keys = candidate_paths(request)
    if not keys or not any_old_urls():
        return None
    found = {
        old.path: old
        for old in OldUrl.objects.filter(path__in=keys).select_related("article__section")
    }
    for key in keys:
        old = found.get(key)
        if old is None:
            continue
        if old.article_id is None:
            return old.target
        return old.article.get_absolute_url() if old.article.is_public else ""
    return None


class OldUrlRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith(SKIPPED_PREFIXES):
            target = destination(request)
            if target == "":
                raise Http404("an old address of an article that is not public")
            if target and target != request.get_full_path():
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)
