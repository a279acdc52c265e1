"""`{% related_for article %}`: how the article page shows «شاهد أيضاً» and «اقرأ أيضاً»
without the articles app knowing this one."""

from django import template

from sahafa.articles import surrogate
from sahafa.related.selection import shown_for

register = template.Library()


@register.inclusion_tag("related/related_for.html", takes_context=True)
def related_for(context, article):
    see_also, read_also, keys = shown_for(article)
    if "request" in context:
        # The page shows these headlines, and the list itself: it changes when they do.
        surrogate.show(context["request"], *keys)
    return {"see_also": see_also, "read_also": read_also}
