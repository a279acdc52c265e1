"""Model instances as the plain data the schemas describe: absolute URLs from
SAHAFA_BASE_URL, times in the newsroom's zone with their UTC offset."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from sahafa.arabic import plain_text


def absolute(path):
    return path if path.startswith(("http://", "https://")) else settings.SAHAFA_BASE_URL + path


def api_url(name, *args):
    return absolute(reverse(f"api:{name}", args=args))


def local(moment):
    return timezone.localtime(moment) if moment else None


def named(item):
    """A tag or an author, by its name and addresses."""
    return {
        "id": item.pk,
        "slug": item.slug,
        "name": item.name,
        "url": absolute(item.get_absolute_url()),
    }


def section(item):
    return {**named(item), "description": item.description}


def author_detail(item):
    return {
        **named(item),
        "bio": item.bio,
        "photo": absolute(item.photo.url) if item.photo else None,
        "articles": api_url("articles") + "?" + urlencode({"author": item.slug}),
    }


def image(article):
    if not article.lead_image:
        return None
    return {
        "url": absolute(article.lead_image.url),
        "caption": article.lead_image_caption,
        "credit": article.lead_image_credit,
        "alt": article.lead_image_caption or article.headline,
        "renditions": [],
    }


def link(article):
    return {
        "id": article.pk,
        "headline": article.headline,
        "section": section(article.section),
        "url": absolute(article.get_absolute_url()),
        "published_at": local(article.published_at),
        "api": api_url("article", article.pk),
    }


def card(article):
    """An article as listed: everything but the body. `article` comes from `for_cards()`
    with its byline and tags prefetched (endpoints.LISTED_RELATIONS)."""
    return {
        "id": article.pk,
        "kicker": article.kicker,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "excerpt": article.summary(),
        "section": section(article.section),
        "authors": [named(item) for item in article.byline_authors],
        "tags": [named(item) for item in article.tags.all()],
        "lead_image": image(article),
        "is_breaking": article.is_breaking,
        "url": absolute(article.get_absolute_url()),
        "short_url": absolute(article.get_share_url()),
        "api": api_url("article", article.pk),
        "comment_count": getattr(article, "comment_count", 0),
        "published_at": local(article.published_at),
        "updated_at": local(article.updated_at),
        "materially_updated_at": local(article.materially_updated_at),
    }


def detail(article, see_also, related):
    return {
        **card(article),
        "dateline": article.dateline,
        "corrections": [
            {
                "kind": item.kind,
                "label": item.get_kind_display(),
                "text": item.text,
                "at": local(item.at),
            }
            for item in article.corrections.all()
        ],
        "body_html": article.body,
        "body_text": article.body_text,
        "see_also": link(see_also) if see_also else None,
        "related": [link(item) for item in related],
    }


def live_blog(blog, entries):
    url = absolute(blog.article.get_absolute_url())
    return {
        "article": blog.pk,
        "open": blog.is_open,
        "coverage_started": local(blog.opened_at),
        "coverage_ended": local(blog.closed_at),
        "entries": [
            {
                "id": entry.pk,
                "title": entry.title,
                "pinned": entry.is_pinned,
                "body_html": entry.body,
                "body_text": plain_text(entry.body),
                "published_at": local(entry.published_at),
                "url": f"{url}#{entry.anchor}",
            }
            for entry in entries
        ],
    }
