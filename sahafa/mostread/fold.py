"""Folding the cache's hourly counters into `HourlyViews` rows, in batches.

A counter only grows during its hour, so the fold writes what it reads (never adds to a
row): folding an hour again, or two folds at once, cannot count a view twice, and a view
counted after one fold is in the next. An hour is folded until it is over (plus a grace
for views still in flight); then the cache remembers it as done (`FOLDED_KEY`). A fold that
finds no such mark (a cleared cache) folds the hours the counters can still be in.
"""

import time
from datetime import UTC, datetime

from django.core.cache import cache

from sahafa.articles.models import Article

from . import counting
from .models import HourlyViews

FOLDED_KEY = f"{counting.PREFIX}:folded-through"
LOCK_KEY = f"{counting.PREFIX}:folding"
LOCK_SECONDS = 300
# Seconds after its end before an hour is folded for the last time.
GRACE_SECONDS = 300
BATCH = 1000


def hour_start(hour):
    return datetime.fromtimestamp(hour * counting.HOUR, tz=UTC)


def _batches(items, size=BATCH):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fold_hour(hour):
    """Write the counters of `hour` into its rows: the number of rows that changed."""
    slots = cache.get(counting.slots_key(hour)) or 0
    ids = set()
    for numbers in _batches(range(1, slots + 1)):
        found = cache.get_many([counting.slot_key(hour, number) for number in numbers])
        ids.update(int(value) for value in found.values())
    start = hour_start(hour)
    changed = 0
    for batch in _batches(sorted(ids)):
        keys = {counting.counter_key(hour, pk): pk for pk in batch}
        counted = {keys[key]: int(value) for key, value in cache.get_many(list(keys)).items()}
        stored = dict(
            HourlyViews.objects.filter(hour=start, article_id__in=counted).values_list(
                "article_id", "views"
            )
        )
        # A deleted article's views go with it.
        existing = set(Article.objects.filter(pk__in=counted).values_list("pk", flat=True))
        rows = [
            HourlyViews(article_id=pk, hour=start, views=views)
            for pk, views in counted.items()
            if pk in existing and views > stored.get(pk, 0)
        ]
        if rows:
            HourlyViews.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["article", "hour"],
                update_fields=["views"],
            )
            changed += len(rows)
    return changed


def fold(now=None):
    """Fold every hour not yet done, up to the current one: rows changed, or None when
    another fold was running."""
    if not cache.add(LOCK_KEY, 1, timeout=LOCK_SECONDS):
        return None
    try:
        current = counting.hour_number(now)
        oldest = current - counting.KEEP_SECONDS // counting.HOUR + 1
        done = cache.get(FOLDED_KEY)
        first = max(oldest, done + 1) if done is not None else oldest
        settled = counting.hour_number((time.time() if now is None else now) - GRACE_SECONDS) - 1
        changed = 0
        for hour in range(first, current + 1):
            changed += fold_hour(hour)
            if hour <= settled:
                cache.set(FOLDED_KEY, hour, timeout=None)
        return changed
    finally:
        cache.delete(LOCK_KEY)
