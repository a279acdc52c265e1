"""Tasks that retry. Every side effect that runs in the background is written to be
idempotent (it brings stored state in line with the articles as they are now), so running
one again after a failure is always safe."""

import functools
import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Seconds to wait before the second, third and fourth attempt; then the task stays failed
# (`sahafa tasks` lists it) and the rebuild command of its app is the safety net.
RETRY_DELAYS = (10, 60, 300)


def retried_task(function):
    """`@task()`, plus: a failed attempt enqueues the next one after a delay. Arguments must
    be JSON (ids, not model objects)."""

    @functools.wraps(function)
    def attempt(*args, attempt=1, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception:
            if attempt > len(RETRY_DELAYS):
                logger.exception("%s failed for good after %d attempts", function.__name__, attempt)
                raise
            logger.warning("%s failed (attempt %d); retrying", function.__name__, attempt)
            retry = run
            if run.get_backend().supports_defer:
                delay = timedelta(seconds=RETRY_DELAYS[attempt - 1])
                retry = run.using(run_after=timezone.now() + delay)
            retry.enqueue(*args, attempt=attempt + 1, **kwargs)
            raise

    run = task()(attempt)
    return run
