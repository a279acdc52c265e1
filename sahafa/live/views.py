from django.conf import settings
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from sahafa.articles import surrogate
from sahafa.articles.models import Article

from .models import LiveBlog
from .presence import published_entries

MAX_CURSOR_DIGITS = 10
# The largest id a database holds: a larger one is no article (and SQLite refuses it).
MAX_ID = 2**63 - 1


def entries(request, article_id):
    """`/live/<article id>/entries?after=<version>`: what changed in a public live blog
    since the version the reader's page has. `ids` is every published entry in reading
    order (an entry taken down is missing from it), `entries` the HTML of those that
    changed after `after` (all of them for a version this blog never had). Stored by the
    page cache per cursor under `article-<id>`, which the side-effect seam purges on every
    change, and fresh for one polling interval in shared caches that cannot be purged."""
    after = request.GET.get("after", "0")
    if not (after.isascii() and after.isdigit() and len(after) <= MAX_CURSOR_DIGITS):
        return JsonResponse(
            {"error": _("“after” must be the version number the page was given.")}, status=400
        )
    blog = article_id <= MAX_ID and (
        LiveBlog.objects.filter(article__in=Article.objects.published(), article_id=article_id)
        .select_related("article")
        .first()
    )
    if not blog:
        return JsonResponse({"error": _("This article has no live coverage.")}, status=404)
    after = int(after)
    shown = published_entries(blog)
    changed = [entry for entry in shown if entry.version > after or after > blog.version]
    surrogate.show(request, f"article-{article_id}")
    response = JsonResponse(
        {
            "version": blog.version,
            "open": blog.is_open,
            "ids": [entry.pk for entry in shown],
            "entries": [
                {
                    "id": entry.pk,
                    "html": render_to_string("live/_entry.html", {"entry": entry}),
                }
                for entry in changed
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response.fresh_for = settings.SAHAFA_LIVE_POLL_SECONDS
    return response
