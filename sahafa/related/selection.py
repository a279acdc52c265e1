"""What the article page shows: the stored list, read through the public filter, so an
unpublished or not-yet-due article never appears."""

from django.db.models import Exists, OuterRef, Q

from sahafa.articles.models import Article

from .headlines import headline_key
from .models import Fingerprint, RelatedArticle, RelatedPin

# «شاهد أيضاً» and the four of «اقرأ أيضاً».
SHOWN = 5
# The newest stories a fallback reads to find one that is not a copy of the article.
FALLBACK_CANDIDATES = 5


def related_articles(article, count=SHOWN):
    """The pin (if any) first, then the computed list in rank order: «شاهد أيضاً» is the
    first, «اقرأ أيضاً» the rest. The few ids are read first and the articles looked up by
    them, through the public filter: one query OR-ing the pin and the list made PostgreSQL
    scan every article (40 ms at 30,000)."""
    order = {
        pk: 0 for pk in RelatedPin.objects.filter(article=article).values_list("pinned", flat=True)
    }
    for related_id, rank in RelatedArticle.objects.filter(article=article).values_list(
        "related", "rank"
    ):
        order.setdefault(related_id, rank)
    order.pop(article.pk, None)
    shown = Article.objects.published().filter(pk__in=order).select_related("section")
    return sorted(shown, key=lambda related: order[related.pk])[:count]


def shown_for(article):
    """What an article shows as «شاهد أيضاً» and «اقرأ أيضاً», and the surrogate keys of
    what that depends on: (see_also, read_also, keys). The page's template tag and the
    JSON API both read it, so the two can never disagree."""
    related = related_articles(article)
    keys = [f"related-{article.pk}", *(f"article-{shown.pk}" for shown in related)]
    if related:
        # «شاهد أيضاً» is the first related article, «اقرأ أيضاً» the next four.
        return related[0], related[1:], keys
    # Every article has a «شاهد أيضاً»; «اقرأ أيضاً» stays for related stories only.
    see_also = newest_instead(article)
    # The newest story of the section (else of the site) changes with every story
    # published there.
    keys.append(f"section-{article.section_id}")
    if see_also is None or see_also.section_id != article.section_id:
        keys.append("latest")
    if see_also:
        keys.append(f"article-{see_also.pk}")
    return see_also, [], keys


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
