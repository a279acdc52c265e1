"""RSS feeds over the one public queryset. Links are absolute from SAHAFA_BASE_URL, so the
feeds are right behind a proxy or CDN whatever host name the request came in on."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from sahafa.articles.models import Article, Section, Tag

FEED_SIZE = 30


def absolute(path):
    return settings.SAHAFA_BASE_URL + path


class ArabicRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "ar"}


class LatestArticlesFeed(Feed):
    feed_type = ArabicRssFeed
    language = "ar"

    def title(self, obj=None):
        return settings.SAHAFA_SITE_NAME

    def description(self, obj=None):
        return _("The latest news from %(site)s") % {"site": settings.SAHAFA_SITE_NAME}

    def link(self, obj=None):
        return absolute("/")

    # One Feed instance serves every request of a worker's threads: the feed's own address
    # comes from the object it is about, never from state kept on the instance.
    def feed_url(self, obj=None):
        return absolute(reverse("feeds:latest"))

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .select_related("section")
            .prefetch_related("byline_set__author", "tags")
            .newest_first()[:FEED_SIZE]
        )

    def item_title(self, item):
        return f"{item.kicker} {item.headline}".strip()

    def item_description(self, item):
        return item.summary(300)

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return absolute(item.get_share_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.materially_updated_at

    def item_author_name(self, item):
        return "، ".join(author.name for author in item.byline_authors) or None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def feed_url(self, obj=None):
        return absolute(reverse("feeds:section", args=[obj.slug]))

    def title(self, obj=None):
        return f"{settings.SAHAFA_SITE_NAME} — {obj.name}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def articles(self, obj):
        return Article.objects.published().in_section(obj)


class TagFeed(SectionFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def feed_url(self, obj=None):
        return absolute(reverse("feeds:tag", args=[obj.slug]))

    def articles(self, obj):
        return Article.objects.published().filter(tags=obj)
