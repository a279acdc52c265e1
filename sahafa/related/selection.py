"""What the article page shows: the stored list, read in one query through the public filter,
so an unpublished or not-yet-due article never appears."""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, Value, When

from sahafa.articles.models import Article

from .fingerprints import headline_key
from .models import Fingerprint, RelatedArticle, RelatedPin

# «شاهد أيضاً» and the four of «اقرأ أيضاً».
SHOWN = 5
# The newest stories a fallback reads to find one that is not a copy of the article.
FALLBACK_CANDIDATES = 5


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


def newest_instead(article):
    """«شاهد أيضاً» when the stored list has nothing to show: the newest public story of the
    article's section, else of the whole site; never the article itself nor a wire copy of
    it (the same normalized headline). One query, whatever the archive's size."""
    key = headline_key(article.headline)
    # Copies already fingerprinted are left out by the database, so a section flooded with
    # one agency story still yields another; the few rows read are checked again here for
    # copies whose fingerprint is not written yet.
    copies = Fingerprint.objects.filter(article=OuterRef("pk"), headline_key=key)
    candidates = (
        Article.objects.published().exclude(pk=article.pk).exclude(Exists(copies)).newest_first()
    )
    newest_in_section = candidates.filter(section=article.section_id)[:FALLBACK_CANDIDATES]
    newest_on_site = candidates[:FALLBACK_CANDIDATES]
    found = [
        candidate
        for candidate in candidates.filter(
            Q(pk__in=newest_in_section.values("pk")) | Q(pk__in=newest_on_site.values("pk"))
        ).select_related("section")
        if headline_key(candidate.headline) != key
    ]
    in_section = [candidate for candidate in found if candidate.section_id == article.section_id]
    return (in_section or found or [None])[0]
