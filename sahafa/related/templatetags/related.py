"""`{% related_for article %}`: how the article page shows «شاهد أيضاً» and «اقرأ أيضاً»
without the articles app knowing this one."""

from django import template

from sahafa.related.selection import related_articles

register = template.Library()


@register.inclusion_tag("related/related_for.html")
def related_for(article):
    related = related_articles(article)
    # «شاهد أيضاً» is the first related article, «اقرأ أيضاً» the next four.
    return {"see_also": related[0] if related else None, "read_also": related[1:]}
