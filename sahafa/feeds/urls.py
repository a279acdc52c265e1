from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_page
from django.views.generic import TemplateView

from . import feeds
from .sitemaps import news_sitemaps, sitemaps

# Feeds and sitemaps are read by machines in bursts; a few minutes of staleness is fine.
cached = cache_page(300)

app_name = "feeds"
urlpatterns = [
    path("feeds/", cached(feeds.LatestArticlesFeed()), name="latest"),
    path("feeds/tag/<uslug:slug>/", cached(feeds.TagFeed()), name="tag"),
    path("feeds/<uslug:slug>/", cached(feeds.SectionFeed()), name="section"),
    path(
        "sitemap.xml",
        cached(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "feeds:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        cached(sitemap_views.sitemap),
        {"sitemaps": news_sitemaps, "template_name": "feeds/news_sitemap.xml"},
        name="news-sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="feeds/robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
