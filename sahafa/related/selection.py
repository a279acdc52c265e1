"""What the article page shows: the stored list, read in one query through the public filter,
so an unpublished or not-yet-due article never appears."""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, Value, When

from sahafa.articles.models import Article

from .models import RelatedArticle, RelatedPin

# «شاهد أيضاً» and the four of «اقرأ أيضاً».
SHOWN = 5


def related_articles(article, count=SHOWN):
    """The pin (if any) first, then the computed list in rank order: «شاهد أيضاً» is the
    first, «اقرأ أيضاً» the rest."""
    pinned = RelatedPin.objects.filter(article=article).values("pinned")
    listed = RelatedArticle.objects.filter(article=article)
    rank = listed.filter(related=OuterRef("pk")).values("rank")
    # Driven by the few listed ids; the public filter is checked per row, so the database
    # never walks every published article.
    public = Article.objects.published().filter(pk=OuterRef("pk"))
    return list(
        Article.objects.filter(Q(pk__in=pinned) | Q(pk__in=listed.values("related")))
        .filter(Exists(public))
        .exclude(pk=article.pk)
        .select_related("section")
        .annotate(
            related_rank=Case(
                When(pk__in=pinned, then=Value(0)),
                default=Subquery(rank[:1]),
                output_field=IntegerField(),
            )
        )
        .order_by("related_rank")[:count]
    )
