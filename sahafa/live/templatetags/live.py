"""`{% live_blog_for article %}`: a live blog's entries on its article's page, rendered in
full for readers without JavaScript and for the page cache, with the static script that
asks for new entries while the coverage is open."""

from django import template
from django.conf import settings
from django.urls import reverse

from ..presence import live_blog_of, published_entries

register = template.Library()


@register.inclusion_tag("live/_region.html", takes_context=True)
def live_blog_for(context, article):
    blog = live_blog_of(article)
    if blog is None:
        return {"blog": None}
    polls = blog.is_open and not context.get("is_preview")
    return {
        "blog": blog,
        "entries": published_entries(blog),
        "poll_url": reverse("live:entries", args=[article.pk]) if polls else "",
        "poll_seconds": settings.SAHAFA_LIVE_POLL_SECONDS,
    }
