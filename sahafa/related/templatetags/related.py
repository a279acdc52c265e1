"""`{% related_for article %}`: how the article page shows «شاهد أيضاً» and «اقرأ أيضاً»
without the articles app knowing this one."""

from django import template
from django.template import loader
from django.utils.safestring import mark_safe

from sahafa.articles import fragments, surrogate
from sahafa.related.selection import shown_for

register = template.Library()


@register.simple_tag(takes_context=True)
def related_for(context, article):
    """The box, made once per article and content version (its three queries and its
    excerpt were a sixth of an article page's render)."""
    request = context.get("request")

    def box():
        see_also, read_also, keys = shown_for(article)
        if request is not None:
            # The page shows these headlines, and the list itself: it changes when they do.
            surrogate.show(request, *keys)
        html = loader.render_to_string(
            "related/related_for.html", {"see_also": see_also, "read_also": read_also}
        )
        return mark_safe(html)

    return fragments.kept(("related", article.pk), box, request)
