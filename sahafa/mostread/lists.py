"""«الأكثر قراءة»: the most-read lists, from the `HourlyViews` rows of a sliding window of
hours (the last 24, or the last 7 × 24, the current hour included), for the whole site and
for each section, public articles only.

All the lists are computed together (one query per window) and kept in the cache as one
entry; readers only read it. `refresh()` computes them anew — the fold task calls it at
most every `SAHAFA_MOST_READ_REFRESH_SECONDS` — and, when any list's order changed, sends
`signals.lists_changed`, on which the page cache forgets every page and API answer that
shows a list (surrogate key `most-read`).
"""

from collections import defaultdict

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from sahafa.articles.models import Article

from . import counting, signals
from .fold import hour_start
from .models import HourlyViews

WINDOWS = {"24h": 24, "7d": 7 * 24}
LENGTH = 10
LISTS_KEY = f"{counting.PREFIX}:lists"
SURROGATE_KEY = "most-read"


def compute(now=None):
    """{(window, section id or None): [(article id, views), …]}, most views first (then the
    newest story), at most LENGTH each."""
    now = now or timezone.now()
    current = counting.hour_number(now.timestamp())
    lists = {}
    public = Article.objects.published(at=now).values("pk")
    for window, hours in WINDOWS.items():
        since = hour_start(current - hours + 1)
        rows = (
            HourlyViews.objects.filter(hour__gte=since, article__in=public)
            .values("article_id", "article__section_id", "article__published_at")
            .annotate(total=Sum("views"))
            .order_by("-total", "-article__published_at", "-article_id")
        )
        site, sections = [], defaultdict(list)
        for row in rows.iterator(chunk_size=2000):
            entry = (row["article_id"], row["total"])
            if len(site) < LENGTH:
                site.append(entry)
            section = sections[row["article__section_id"]]
            if len(section) < LENGTH:
                section.append(entry)
        lists[(window, None)] = site
        lists.update({(window, pk): entries for pk, entries in sections.items()})
    return lists


def _order(lists):
    return {key: [pk for pk, _views in entries] for key, entries in lists.items() if entries}


def refresh(now=None):
    """Compute the lists anew and store them; announce it when an order changed."""
    before = cache.get(LISTS_KEY)
    lists = compute(now)
    cache.set(LISTS_KEY, lists, timeout=None)
    if before is None or _order(before) != _order(lists):
        signals.lists_changed.send(sender=refresh)
        return True
    return False


def most_read(window="24h", section_id=None):
    """[(article id, views), …] for `window` ("24h" or "7d") and a section (None: the
    site)."""
    lists = cache.get(LISTS_KEY)
    if lists is None:
        lists = compute()
        cache.add(LISTS_KEY, lists, timeout=None)
    return lists.get((window, section_id), [])


def articles(window="24h", section_id=None):
    """[(article, views), …]: the list's public articles, ready for cards, in rank order."""
    entries = most_read(window, section_id)
    found = Article.objects.published().for_cards().in_bulk([pk for pk, _views in entries])
    return [(found[pk], views) for pk, views in entries if pk in found]
