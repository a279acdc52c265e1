"""`{% corrections_for article %}`: the corrections and updates above an article's body."""

from django import template

from ..models import Correction

register = template.Library()


@register.inclusion_tag("revisions/_notices.html")
def corrections_for(article):
    return {"corrections": list(Correction.objects.filter(article_id=article.pk))}
