"""The wire clock on the demo's database queue: one deferred task polls the feeds that are
due and enqueues itself for the next feed's time, run by a real `sahafa worker`."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sahafa.wire import tasks
from sahafa.wire.models import Feed, WireItem

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def ticks():
    return DBTaskResult.objects.filter(status="READY", task_path__endswith="poll_due_feeds")


def test_the_worker_polls_due_feeds_and_sets_the_next_tick(database_queue, agency, run_workers):
    feed = agency.feed("واس", "/spa/rss.xml", "spa.xml", poll_minutes=15)

    tasks.schedule_next()
    tasks.schedule_next()  # a second chain for the same time merges with the first

    [tick] = ticks()
    assert tick.run_after <= feed.next_poll_at + timedelta(seconds=2)
    ticks().update(run_after=timezone.now())
    run_workers(SAHAFA_TASKS="database")

    feed.refresh_from_db()
    assert WireItem.objects.filter(feed=feed).count() == 2
    assert feed.last_success_at is not None
    [next_tick] = ticks()
    assert next_tick.pk != tick.pk
    assert next_tick.run_after - feed.next_poll_at < timedelta(seconds=2)
    assert feed.next_poll_at - timezone.now() > timedelta(minutes=14)


def test_a_lost_clock_is_restarted_from_the_queue(
    database_queue, agency, newsroom_roles_kept, editor
):
    feed = agency.feed("واس", "/spa/rss.xml", "spa.xml")
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() - timedelta(minutes=10))

    editor.get("/admin/wire/wireitem/")
    editor.get("/admin/wire/wireitem/")

    assert ticks().count() == 1
