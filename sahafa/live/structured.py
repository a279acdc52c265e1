"""A live blog in search engines' structured data: the article's JSON-LD
(`{% article_json_ld %}`, which calls the functions of `JSON_LD_ADDITIONS`) becomes a
schema.org `LiveBlogPosting`, a kind of article, with the coverage's start and end and
its published entries as `liveBlogUpdate` (BlogPosting), the pinned one first."""

from django.conf import settings
from django.utils import timezone

from sahafa.arabic import excerpt, plain_text

from .presence import live_blog_of, published_entries

HEADLINE_CHARS = 110


def _time(value):
    return timezone.localtime(value).isoformat()


def update(entry, url, fallback_author):
    text = plain_text(entry.body)
    author = getattr(entry.created_by, "author_profile", None) if entry.created_by else None
    return {
        "@type": "BlogPosting",
        "headline": excerpt(entry.title or text, HEADLINE_CHARS),
        "articleBody": text,
        "datePublished": _time(entry.published_at),
        "dateModified": _time(max(entry.updated_at, entry.published_at)),
        "url": f"{url}#{entry.anchor}",
        "author": (
            {
                "@type": "Person",
                "name": author.name,
                "url": settings.SAHAFA_BASE_URL + author.get_absolute_url(),
            }
            if author
            else fallback_author
        ),
    }


def live_blog_posting(article, data):
    blog = live_blog_of(article)
    if blog is None:
        return
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = _time(blog.opened_at)
    if blog.closed_at:
        data["coverageEndTime"] = _time(blog.closed_at)
    data["liveBlogUpdate"] = [
        update(entry, data["url"], data["publisher"]) for entry in published_entries(blog)
    ]
