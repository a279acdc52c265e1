from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.generic import TemplateView

from sahafa.articles import surrogate

from . import feeds
from .sitemaps import news_sitemaps, sitemaps


def shows_latest(view):
    """Sitemaps list the site's newest articles: stored by the page cache under `latest`,
    which every announced change to an article purges."""

    def wrapped(request, *args, **kwargs):
        surrogate.show(request, "latest")
        return view(request, *args, **kwargs)

    return wrapped


# Feeds are stored by the page cache under the keys of the pages they mirror and forgotten
# when an article they may show changes (sahafa/feeds/feeds.py): no timer.
app_name = "feeds"
urlpatterns = [
    path("feeds/", feeds.LatestArticlesFeed(), name="latest"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="latest-atom"),
    path("feeds/tag/<uslug:slug>/", feeds.TagFeed(), name="tag"),
    path("feeds/tag/<uslug:slug>/atom/", feeds.TagAtomFeed(), name="tag-atom"),
    path("feeds/author/<uslug:slug>/", feeds.AuthorFeed(), name="author"),
    path("feeds/author/<uslug:slug>/atom/", feeds.AuthorAtomFeed(), name="author-atom"),
    path("feeds/<uslug:slug>/", feeds.SectionFeed(), name="section"),
    path("feeds/<uslug:slug>/atom/", feeds.SectionAtomFeed(), name="section-atom"),
    path(
        "sitemap.xml",
        shows_latest(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "feeds:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        shows_latest(sitemap_views.sitemap),
        {"sitemaps": news_sitemaps, "template_name": "feeds/news_sitemap.xml"},
        name="news-sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        shows_latest(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="feeds/robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
