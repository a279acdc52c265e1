"""`{% related_for article %}`: how the article page shows «شاهد أيضاً» and «اقرأ أيضاً»
without the articles app knowing this one."""

from django import template

from sahafa.related.selection import newest_instead, related_articles

register = template.Library()


@register.inclusion_tag("related/related_for.html")
def related_for(article):
    related = related_articles(article)
    if not related:
        # Every article has a «شاهد أيضاً»; «اقرأ أيضاً» stays for related stories only.
        return {"see_also": newest_instead(article), "read_also": []}
    # «شاهد أيضاً» is the first related article, «اقرأ أيضاً» the next four.
    return {"see_also": related[0], "read_also": related[1:]}
