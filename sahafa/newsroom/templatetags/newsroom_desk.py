from django import template
from django.db.models import Count, Q
from django.utils import timezone

from sahafa.articles.models import Article

register = template.Library()


@register.simple_tag
def desk_counts(user):
    """What is waiting on the desk for this journalist, counted in one query; None for
    staff who do not work on articles."""
    if not user.has_perm("articles.view_article"):
        return None
    status = Article.Status
    return Article.objects.editable_by(user).aggregate(
        drafts=Count("pk", filter=Q(status=status.DRAFT)),
        in_review=Count("pk", filter=Q(status=status.REVIEW)),
        scheduled=Count("pk", filter=Q(status=status.SCHEDULED, published_at__gt=timezone.now())),
    )
