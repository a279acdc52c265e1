"""Sitemaps for search engines, including a Google News sitemap of the last two days."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from sahafa.articles.models import Article, Section


class BaseUrlSitemap(Sitemap):
    """Uses SAHAFA_BASE_URL for the domain instead of the sites framework's record."""

    @property
    def protocol(self):
        return urlsplit(settings.SAHAFA_BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SAHAFA_BASE_URL).netloc


class ArticleSitemap(BaseUrlSitemap):
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .select_related("section")
            .only("id", "slug", "section__slug", "published_at", "materially_updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, item):
        return item.materially_updated_at or item.published_at


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


sitemaps = {"articles": ArticleSitemap, "sections": SectionSitemap}
news_sitemaps = {"news": NewsSitemap}
