"""The wire desk's clock: one task polls the feeds that are due, then enqueues itself for
the next feed's time (a deferred task: the database queue and RQ both hold it across a
restart). Two chains that meet at the same time merge (one cache key per tick), and a
lost chain is restarted by the next look at the queue (`keep_ticking`). Safety net and
cron: `sahafa wire`."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from sahafa.background.retries import retried_task

from .models import Feed

TICK_KEY = "wire:tick:{}"
RESCUE_KEY = "wire:rescue"
# A tick later than this is taken as lost (its worker died, or none runs).
LATE = timedelta(minutes=2)


@retried_task
def poll_due_feeds():
    # In the task worker only: a web worker that enqueues this never loads feedparser and
    # the related engine (sahafa/wire/admin.py).
    from . import polling

    polling.poll_due()
    schedule_next()


def schedule_next():
    """Enqueue the tick for the next feed that will be due, unless one is enqueued for it."""
    due = Feed.objects.filter(active=True).aggregate(at=Min("next_poll_at"))["at"]
    if due is None:
        return
    now = timezone.now()
    if not poll_due_feeds.get_backend().supports_defer:
        # Tasks run where they are enqueued (tests, SAHAFA_TASKS=immediate): poll what is
        # due now; later polls wait for `sahafa wire`.
        if due <= now:
            poll_due_feeds.enqueue()
        return
    at = max(due, now).replace(microsecond=0) + timedelta(seconds=1)
    wait = (at - now).total_seconds()
    if cache.add(TICK_KEY.format(int(at.timestamp())), 1, timeout=wait + LATE.total_seconds()):
        poll_due_feeds.using(run_after=at).enqueue()


def keep_ticking():
    """Restart the clock if a feed is overdue: the chain was lost (a worker killed in the
    middle of a tick). At most once a minute; only with a real queue, never inside the
    newsroom's request."""
    if not poll_due_feeds.get_backend().supports_defer:
        return
    late = Feed.objects.filter(active=True, next_poll_at__lt=timezone.now() - LATE)
    if late.exists() and cache.add(RESCUE_KEY, 1, timeout=60):
        poll_due_feeds.enqueue()
