"""Surrogate keys: each reader response names what it shows (`Surrogate-Key` for Fastly
and Varnish xkey, `Cache-Tag` for Cloudflare), so a cache can forget exactly the pages that
show a changed thing. The vocabulary:

- `site`: every page (the masthead and the sections menu);
- `latest`: site-wide newest lists (home page, site feed, sitemaps);
- `section-<id>`, `tag-<id>`, `author-<id>`: their pages and feeds;
- `article-<id>`: the article's page and every page showing its card or link;
- `related-<id>`: the article's page, which shows its «شاهد أيضاً» list (sahafa/related);
- `most-read`: pages and API answers that show a «الأكثر قراءة» list (sahafa/mostread);
- `front-page`: the home page, which shows the editors' arrangement (sahafa/frontpage);
- `archive-<yyyy>`, `archive-<yyyy-mm>`, `archive-<yyyy-mm-dd>`: the date archives, by the
  day in the site's time zone (articles/archives.py).
"""

from django.utils import timezone

from . import fragments


def show(request, *keys):
    """Record that the response to `request` shows `keys`."""
    request.__dict__.setdefault("surrogate_keys", {"site"}).update(keys)


def shown_while(request, make):
    """(`make()`, the keys it showed on `request`): what a kept fragment shows again each
    time it is reused (articles/fragments.py)."""
    before = request.__dict__.pop("surrogate_keys", None)
    try:
        value = make()
    finally:
        during = request.__dict__.pop("surrogate_keys", set())
        if before is not None or during:
            request.surrogate_keys = (before or set()) | during
    return value, frozenset(during)


def articles(items):
    return [f"article-{getattr(item, 'pk', item)}" for item in items]


def archive_keys(moment):
    """The keys of the date archives that list an article published at `moment`."""
    day = timezone.localtime(moment, timezone.get_default_timezone()).date()
    return {f"archive-{day:%Y}", f"archive-{day:%Y-%m}", f"archive-{day:%Y-%m-%d}"}


def keys_showing(ids):
    """The keys of every page that shows the articles `ids`, as they are now, or will once
    they are public: what to purge when they change. Pages that showed an article before
    it moved section, lost a tag or was deleted carry its own key."""
    from .models import Article, Byline

    keys = set(articles(ids))
    if not keys:
        return keys
    keys.add("latest")
    placed = Article.objects.filter(pk__in=ids).values_list("section_id", "published_at")
    for section_id, published_at in placed.distinct():
        keys.add(f"section-{section_id}")
        if published_at is not None:
            keys.update(archive_keys(published_at))
    tags = Article.tags.through.objects.filter(article_id__in=ids).values_list("tag_id", flat=True)
    keys.update(f"tag-{pk}" for pk in tags.distinct())
    authors = Byline.objects.filter(article_id__in=ids).values_list("author_id", flat=True)
    keys.update(f"author-{pk}" for pk in authors.distinct())
    return keys


class SurrogateKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Also the start of every reader page's render: fragments kept per content version.
        if request.method in ("GET", "HEAD"):
            fragments.read_content_version(request)
        response = self.get_response(request)
        keys = request.__dict__.get("surrogate_keys")
        if keys:
            response["Surrogate-Key"] = " ".join(sorted(keys))
            response["Cache-Tag"] = ",".join(sorted(keys))
        return response
