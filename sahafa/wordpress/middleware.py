"""Old addresses answer with one 301 to where their content lives now, before any URL
pattern can claim them: `/2019/05/old-post/` would otherwise be read as article 5 of a
section «2019», and `/?p=123` as the front page."""

from django.http import Http404, HttpResponsePermanentRedirect

from .models import OldUrl

SKIPPED_PREFIXES = ("/static/", "/media/", "/admin/", "/api/", "/comments/", "/search/")
SHORT_LINK_PARAMETERS = ("p", "page_id")


def candidate_paths(request):
    """The keys an old address may be stored under: WordPress's `?p=ID` short link, and the
    path with its trailing slash (WordPress permalinks end with one)."""
    path = request.path
    keys = []
    for name in SHORT_LINK_PARAMETERS:
        value = request.GET.get(name, "")
        if value.isdigit():
            keys.append(f"{path}?{name}={int(value)}")
    keys.append(path)
    if not path.endswith("/"):
        keys.append(path + "/")
    return keys


def destination(request):
    """Where an old address leads now; "" for an article that is not public (a draft, a
    private post: not found, and its headline stays unpublished); None for an address the
    old site never had."""
    keys = candidate_paths(request)
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
