"""The daily digest's own schedule, on the task queue (the project has no cron of its own):
each day's run queues the next day's at SAHAFA_DIGEST_TIME, with the backend's `run_after`
(the database queue and RQ's scheduler both keep deferred tasks).

After every migrate the next run is queued again, which starts the chain on a new site and
restarts one that broke. A duplicate is harmless: one run per day claims the right to queue
the next (`Digest.next_queued`, one conditional UPDATE), the others only send what is left
unsent, which is nothing. A run found far behind its time (a site that was off for days)
sends nothing and queues the next one from now, rather than a pile of stale digests."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import digest
from .models import Digest

logger = logging.getLogger(__name__)

LATE = timedelta(hours=6)


def next_run(after=None):
    """The first SAHAFA_DIGEST_TIME after `after` (now), in TIME_ZONE; None when off."""
    at = settings.SAHAFA_DIGEST_TIME
    if at is None:
        return None
    after = timezone.localtime(after or timezone.now())
    day = after.date()
    while True:
        moment = timezone.make_aware(datetime.combine(day, at))
        if moment > after:
            return moment
        day += timedelta(days=1)


def queue(moment):
    """Queue the scheduled digest for `moment`; False where the backend cannot defer a task
    (`SAHAFA_TASKS=immediate`): there, cron runs `sahafa send-digest`."""
    from .tasks import scheduled_digest

    if moment is None or not scheduled_digest.get_backend().supports_defer:
        return False
    scheduled_digest.using(run_after=moment).enqueue(moment.isoformat())
    return True


def on_migrate(**kwargs):
    if queue(next_run()):
        logger.info("daily digest queued for %s", next_run())


def run(moment):
    """The scheduled digest of `moment`: queue tomorrow's (once), then send."""
    now = timezone.now()
    day = timezone.localdate(moment)
    Digest.objects.get_or_create(date=day)
    if Digest.objects.filter(date=day, next_queued=False).update(next_queued=True):
        following = next_run(max(moment, now))
        transaction.on_commit(lambda: queue(following))
    if now - moment > LATE:
        logger.warning("digest of %s is %s late: not sent", day, now - moment)
        return 0
    return digest.send(day, until=moment)
