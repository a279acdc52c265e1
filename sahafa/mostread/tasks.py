"""The most-read lists' background work: fold the cache's counters into the table, and now
and then compute the lists anew. Enqueued by the beacon at most once a minute (`due()`);
safety net: `sahafa most-read`."""

import time

from django.conf import settings
from django.core.cache import cache

from sahafa.background.retries import retried_task

from . import counting, fold, lists

DUE_KEY = f"{counting.PREFIX}:fold-due"
REFRESH_KEY = f"{counting.PREFIX}:refresh-due"
FOLD_EVERY = 60


@retried_task
def fold_views():
    """Fold the counters into `HourlyViews`, then refresh the lists if their time came."""
    fold.fold()
    if cache.add(REFRESH_KEY, 1, timeout=settings.SAHAFA_MOST_READ_REFRESH_SECONDS):
        lists.refresh()


class _Clock:
    """When this process last asked the shared cache whether a fold is due: between two
    asks (FOLD_EVERY seconds) a beacon costs no extra cache round trip."""

    asked = 0.0


def due():
    """Enqueue `fold_views` if no process did in the last minute."""
    now = time.monotonic()
    if now - _Clock.asked < FOLD_EVERY / 4:
        return False
    _Clock.asked = now
    if not cache.add(DUE_KEY, 1, timeout=FOLD_EVERY):
        return False
    fold_views.enqueue()
    return True
