"""Old addresses answer with one 301 to where their content lives now.

Most old addresses are not Sahafa addresses at all (`/category/…/`, `/feed/`, `/old-post/`
where no section has that slug): they are looked up only when the site would answer 404,
so a page that exists costs nothing more. Two kinds would be claimed by another rule first
and are looked up before the URL patterns: WordPress's short link `/?p=123` (the front
page otherwise) and date permalinks, whose first segment is a number (`/2019/05/old-post/`
has the shape of `/<section>/<id>/<slug>/`: article 5 of a section «2019»)."""

import re

from django.http import Http404, HttpResponsePermanentRedirect

from .models import OldUrl

SKIPPED_PREFIXES = ("/static/", "/media/", "/admin/", "/api/", "/comments/", "/search/")
SHORT_LINK_PARAMETERS = ("p", "page_id")
_DATE_PERMALINK = re.compile(r"^/\d+/")


def candidate_paths(request):
    """The keys an old address may be stored under: WordPress's `?p=ID` short link, and the
    path with its trailing slash (WordPress permalinks end with one)."""
    path = request.path
    if "\x00" in path:
        return []  # no address ever held one (and PostgreSQL refuses it in a query)
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
    if not keys:
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


def claimed_by_another_rule(request):
    return bool(_DATE_PERMALINK.match(request.path)) or any(
        request.GET.get(name, "").isdigit() for name in SHORT_LINK_PARAMETERS
    )


class OldUrlRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(SKIPPED_PREFIXES):
            return self.get_response(request)
        if claimed_by_another_rule(request):
            target = destination(request)
            if target == "":
                raise Http404("an old address of an article that is not public")
            if target and target != request.get_full_path():
                return HttpResponsePermanentRedirect(target)
            return self.get_response(request)
        response = self.get_response(request)
        if response.status_code == 404:
            target = destination(request)
            if target and target != request.get_full_path():
                return HttpResponsePermanentRedirect(target)
        return response
