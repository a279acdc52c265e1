"""With a task queue that keeps deferred tasks (the demo's database queue, RQ), the digest
needs no cron: after migrate the next run waits in the queue for SAHAFA_DIGEST_TIME, and
each day's run queues the next day's — once, however many copies of a run there are."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sahafa.newsletters import schedule
from sahafa.newsletters.models import Digest
from tests.factories import make_article

from .inbox import confirmed, mails_to

pytestmark = pytest.mark.django_db

LAYLA = "layla@example.com"


@pytest.fixture
def layla(reader):
    """A confirmed subscriber, and a story of the last hours for her digest."""
    make_article(published_at=timezone.now() - timedelta(hours=2))
    confirmed(reader, LAYLA)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SAHAFA_DIGEST_TIME = time(7, 0)


def queued_runs():
    return sorted(
        (result.run_after, result.args_kwargs["args"])
        for result in DBTaskResult.objects.filter(task_path__endswith="scheduled_digest")
    )


def local(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_after_migrate_the_next_digest_waits_in_the_queue(database_queue):
    schedule.on_migrate()

    ((run_after, args),) = queued_runs()
    assert timezone.localtime(run_after).time() == time(7, 0)
    assert timezone.now() < run_after <= timezone.now() + timedelta(days=1)
    assert [datetime.fromisoformat(arg) for arg in args] == [run_after]


def test_a_run_sends_the_digest_and_queues_tomorrows_once(layla, database_queue):
    now = timezone.now()
    moment = now - timedelta(minutes=1)  # the run's time has just come

    schedule.run(moment)
    schedule.run(moment)  # a duplicate copy of the run

    assert len([m for m in mails_to(LAYLA) if "List-Unsubscribe" in m.extra_headers]) == 1
    ((run_after, _args),) = queued_runs()
    assert run_after == schedule.next_run(now)
    assert Digest.objects.get(date=timezone.localdate(moment)).sent == 1


def test_a_run_found_days_late_sends_nothing_and_queues_the_next(layla, database_queue):
    moment = timezone.now() - timedelta(days=3)

    schedule.run(moment)

    assert [m for m in mails_to(LAYLA) if "List-Unsubscribe" in m.extra_headers] == []
    ((run_after, _args),) = queued_runs()
    assert run_after > timezone.now()


def test_the_next_run_is_at_the_set_time_in_the_sites_zone(settings):
    settings.SAHAFA_DIGEST_TIME = time(7, 30)
    day = timezone.localdate()

    assert schedule.next_run(local(day, 6)) == local(day, 7, 30)
    assert schedule.next_run(local(day, 7, 30)) == local(day + timedelta(days=1), 7, 30)
    settings.SAHAFA_DIGEST_TIME = None
    assert schedule.next_run() is None
