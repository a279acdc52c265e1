"""`{% related_for article %}`: how the article page shows «شاهد أيضاً» and «اقرأ أيضاً»
without the articles app knowing this one."""

from django import template

from sahafa.articles import surrogate
from sahafa.related.selection import newest_instead, related_articles

register = template.Library()


@register.inclusion_tag("related/related_for.html", takes_context=True)
def related_for(context, article):
    related = related_articles(article)
    shown = [f"related-{article.pk}", *surrogate.articles(related)]
    if related:
        # «شاهد أيضاً» is the first related article, «اقرأ أيضاً» the next four.
        see_also, read_also = related[0], related[1:]
    else:
        # Every article has a «شاهد أيضاً»; «اقرأ أيضاً» stays for related stories only.
        see_also, read_also = newest_instead(article), []
        # The newest story of the section (else of the site) changes with every story
        # published there.
        shown.append(f"section-{article.section_id}")
        if see_also is None or see_also.section_id != article.section_id:
            shown.append("latest")
        if see_also:
            shown.append(f"article-{see_also.pk}")
    if "request" in context:
        # The page shows these headlines, and the list itself: it changes when they do.
        surrogate.show(context["request"], *shown)
    return {"see_also": see_also, "read_also": read_also}
