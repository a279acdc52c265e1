"""RSS 2.0 and Atom 1.0 feeds over the one public queryset: the site, each section, tag and
author. Links are absolute from SAHAFA_BASE_URL, so the feeds are right behind a proxy or
CDN whatever host name the request came in on.

Each feed names what it shows with the surrogate keys of the page it mirrors (`latest`,
`section-N`, `tag-N`, `author-N`) and of its articles, so the page cache stores it and a
publication forgets it at once (sahafa/pagecache), like the reader pages."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from sahafa.articles import surrogate
from sahafa.articles.models import Article, Author, Section, Tag
from sahafa.articles.templatetags.sahafa import arabic_date

FEED_SIZE = 30
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"

# Site-relative links and images in a body (`/a/12`, `/media/…`) would point into the feed
# reader's own site: made absolute.
_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/))')


def absolute(path):
    return settings.SAHAFA_BASE_URL + path


def absolute_links(html):
    return _RELATIVE_URL.sub(lambda m: m.group(1) + settings.SAHAFA_BASE_URL + m.group(2), html)


class ArabicRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the article's full text in `content:encoded`."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "ar", "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class ArabicAtomFeed(Atom1Feed):
    """Atom 1.0 (`xml:lang="ar"` from the feed's language) with the full text in `content`
    and one `author` per name in the byline."""

    def add_item_elements(self, handler, item):
        # Django writes one author from author_name; ours are written below, each linked.
        super().add_item_elements(handler, {**item, "author_name": None})
        for name, link in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", link)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


class LatestArticlesFeed(Feed):
    """The site's feed; the subclasses narrow `articles()` to their section, tag or author.
    One Feed instance serves every request of a worker's threads: the feed's own address
    and keys come from the object it is about, never from state kept on the instance."""

    feed_type = ArabicRssFeed
    language = "ar"
    url_name = "feeds:latest"

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        shown = [item["article_pk"] for item in feed.items]
        surrogate.show(request, self.surrogate_key(obj), *surrogate.articles(shown))
        return feed

    def surrogate_key(self, obj):
        return "latest"

    def url_args(self, obj):
        return []

    def feed_url(self, obj=None):
        name = self.url_name + ("-atom" if self.feed_type is ArabicAtomFeed else "")
        return absolute(reverse(name, args=self.url_args(obj)))

    def title(self, obj=None):
        return settings.SAHAFA_SITE_NAME

    def description(self, obj=None):
        return _("The latest news from %(site)s") % {"site": settings.SAHAFA_SITE_NAME}

    subtitle = description

    def author_name(self, obj=None):
        # Atom needs an author for entries without a byline: the newspaper.
        return settings.SAHAFA_SITE_NAME

    def author_link(self, obj=None):
        return absolute("/")

    def link(self, obj=None):
        return absolute("/")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .select_related("section")
            .prefetch_related("byline_set__author", "tags", "corrections")
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
        return item.materially_updated_at or item.published_at

    def item_author_name(self, item):
        # Names only: an author's or account's email is never in a feed.
        return "، ".join(author.name for author in item.byline_authors) or None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_extra_kwargs(self, item):
        return {
            "article_pk": item.pk,
            "content": item_content(item),
            "authors": [
                (author.name, absolute(author.get_absolute_url())) for author in item.byline_authors
            ],
        }


def item_content(article):
    """The full article as feed readers show it: its corrections and updates (newest
    first, as above the article's body), lead image, standfirst, body (sanitized on save,
    sahafa/articles/sanitize.py), with absolute links."""
    parts = [
        format_html(
            '<p dir="rtl"><strong>{}</strong> ({}): {}</p>',
            correction.get_kind_display(),
            arabic_date(correction.at),
            correction.text,
        )
        for correction in article.corrections.all()
    ]
    if article.lead_image:
        parts.append(
            format_html(
                '<figure><img src="{}" alt="{}"><figcaption>{}</figcaption></figure>',
                absolute(article.lead_image.url),
                article.lead_image_caption or article.headline,
                article.lead_image_caption,
            )
        )
    if article.standfirst:
        parts.append(format_html("<p><strong>{}</strong></p>", article.standfirst))
    parts.append(absolute_links(article.body))
    return "".join(parts)


class ListingFeed(LatestArticlesFeed):
    """The feed of a section, tag or writer page: `kind` names its URL and surrogate key,
    `lookup` how an article points at it."""

    model = kind = lookup = None

    @property
    def url_name(self):
        return f"feeds:{self.kind}"

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def surrogate_key(self, obj):
        return f"{self.kind}-{obj.pk}"

    def url_args(self, obj):
        return [obj.slug]

    def title(self, obj=None):
        return f"{settings.SAHAFA_SITE_NAME} — {obj.name}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def articles(self, obj):
        return Article.objects.published().filter(**{self.lookup: obj})


class SectionFeed(ListingFeed):
    model, kind, lookup = Section, "section", "section"


class TagFeed(ListingFeed):
    model, kind, lookup = Tag, "tag", "tags"


class AuthorFeed(ListingFeed):
    model, kind, lookup = Author, "author", "authors"


def atom(feed_class):
    """The Atom 1.0 twin of an RSS feed class."""
    return type(
        feed_class.__name__.replace("Feed", "AtomFeed"),
        (feed_class,),
        {"feed_type": ArabicAtomFeed},
    )


LatestArticlesAtomFeed = atom(LatestArticlesFeed)
SectionAtomFeed = atom(SectionFeed)
TagAtomFeed = atom(TagFeed)
AuthorAtomFeed = atom(AuthorFeed)
