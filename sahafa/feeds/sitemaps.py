"""Sitemaps for search engines, including a Google News sitemap of the last two days.

Articles are listed one month of publication per file (`sitemap-articles-2015-06.xml`),
months in the site's time zone: every file is a range read on the publication index, however
large the archive (a month of even a busy newsroom is far below the protocol's 50,000 URLs),
and a change refreshes only its own month (the file carries the month's `archive-yyyy-mm`
surrogate key). The index lists the months that have articles, each with its last change.
"""

from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS

from sahafa.articles.models import Article, Section


class BaseUrlSitemap(Sitemap):
    """Uses SAHAFA_BASE_URL for the domain instead of the sites framework's record."""

    @property
    def protocol(self):
        return urlsplit(settings.SAHAFA_BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SAHAFA_BASE_URL).netloc


class ArticleSitemap(BaseUrlSitemap):
    def items(self):
        return (
            Article.objects.published()
            .select_related("section")
            .only("id", "slug", "section__slug", "published_at", "materially_updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, item):
        return item.materially_updated_at or item.published_at


def month_bounds(year, month):
    """The first moments of the month and of the next one, in the site's time zone."""
    zone = timezone.get_default_timezone()
    following = (year + month // 12, month % 12 + 1)
    return (
        timezone.make_aware(datetime(year, month, 1), zone),
        timezone.make_aware(datetime(*following, 1), zone),
    )


def month_urlset(year, month):
    """The `<urlset>` of the public articles published in the month, newest first, or None
    when there are none. Written directly rather than through the sitemap framework's
    template and one `reverse()` per article: a month of the corpus (15,000 articles) took
    1.8 s that way. Addresses are the article pattern's, escaped as `reverse()` escapes."""
    start, end = month_bounds(year, month)
    rows = (
        Article.objects.published()
        .filter(published_at__gte=start, published_at__lt=end)
        .order_by("-published_at", "-id")
        .values_list("id", "slug", "section__slug", "published_at", "materially_updated_at")
    )
    prefix = settings.SAHAFA_BASE_URL
    parts = []
    for pk, slug, section, published_at, updated_at in rows.iterator(chunk_size=2000):
        path = quote(f"/{section}/{pk}/{slug}/", safe=RFC3986_SUBDELIMS + "/~:@")
        changed = (updated_at or published_at).astimezone(UTC).isoformat(timespec="seconds")
        parts.append(f"<url><loc>{escape(prefix + path)}</loc><lastmod>{changed}</lastmod></url>")
    if not parts:
        return None
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(parts)
        + "\n</urlset>\n"
    )


def months_with_articles():
    """[(first moment of the month in the site's time zone, last change in it)], newest
    first. The months are found by walking the publication index backwards one month at a
    time (a seek per month, whatever the archive's size), and each month's last change is
    one aggregate over that month's rows."""
    zone = timezone.get_default_timezone()
    public = Article.objects.published()
    months = []
    newest = public.aggregate(newest=Max("published_at"))["newest"]
    while newest is not None:
        local = timezone.localtime(newest, zone)
        start = timezone.make_aware(datetime(local.year, local.month, 1), zone)
        in_month = public.filter(published_at__gte=start, published_at__lte=newest)
        changed = in_month.aggregate(
            published=Max("published_at"), updated=Max("materially_updated_at")
        )
        months.append((start, max(filter(None, changed.values()))))
        newest = public.filter(published_at__lt=start).aggregate(newest=Max("published_at"))[
            "newest"
        ]
    return months


def article_month_items(site_url):
    """The index's entries for the monthly article sitemaps."""
    return [
        SitemapIndexItem(
            site_url
            + reverse("feeds:sitemap-month", kwargs={"year": month.year, "month": month.month}),
            changed,
        )
        for month, changed in months_with_articles()
    ]


class NewsSitemap(ArticleSitemap):
    """Articles of the last 48 hours, with the news: extension Google News reads."""

    def items(self):
        since = timezone.now() - timedelta(hours=48)
        return (
            super()
            .items()
            .filter(published_at__gte=since)
            .only(
                "id", "slug", "headline", "section__slug", "published_at", "materially_updated_at"
            )[:1000]
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["news_title"] = url["item"].headline
            url["news_date"] = url["item"].published_at
        return urls


class SectionSitemap(BaseUrlSitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


news_sitemaps = {"news": NewsSitemap}
