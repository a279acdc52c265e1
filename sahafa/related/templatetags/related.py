"""`{% related_for article %}`: how the article page shows «شاهد أيضاً» and «اقرأ أيضاً»
without the articles app knowing this one."""

from django import template

from sahafa.articles import surrogate
from sahafa.related.selection import related_articles

register = template.Library()


@register.inclusion_tag("related/related_for.html", takes_context=True)
def related_for(context, article):
    related = related_articles(article)
    if "request" in context:
        # The page shows their headlines (it changes when they do), and the list itself.
        shown = [f"related-{article.pk}", *surrogate.articles(related)]
        surrogate.show(context["request"], *shown)
    # «شاهد أيضاً» is the first related article, «اقرأ أيضاً» the next four.
    return {"see_also": related[0] if related else None, "read_also": related[1:]}
