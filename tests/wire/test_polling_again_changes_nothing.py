"""Polling is idempotent: the same document twice files nothing twice, and an unchanged
feed is asked for with a conditional GET (the agency answers 304)."""

import pytest
from django.utils import timezone

from sahafa.wire import polling, tasks
from sahafa.wire.models import Feed, Story, WireItem

pytestmark = pytest.mark.django_db


def test_a_second_poll_files_nothing_new(three_agencies):
    tasks.poll_due_feeds.enqueue()
    items, stories = WireItem.objects.count(), Story.objects.count()

    Feed.objects.update(next_poll_at=timezone.now())
    tasks.poll_due_feeds.enqueue()

    assert (WireItem.objects.count(), Story.objects.count()) == (items, stories) == (6, 5)


def test_an_unchanged_feed_is_fetched_conditionally(agency):
    feed = agency.feed("واس", "/spa/rss.xml", "spa.xml")

    polling.poll(feed)
    feed.refresh_from_db()
    outcome = polling.poll(feed)

    first, second = agency.requests
    assert first == ("/spa/rss.xml", None, 200)
    assert second == ("/spa/rss.xml", feed.etag, 304)
    assert (outcome.new, outcome.revised, outcome.error) == (0, 0, "")


def test_a_feed_is_polled_again_only_when_its_interval_has_passed(agency):
    agency.feed("واس", "/spa/rss.xml", "spa.xml", poll_minutes=10)

    assert polling.poll_due() == 1
    assert polling.poll_due() == 0
    assert polling.poll_due(now=timezone.now() + timezone.timedelta(minutes=11)) == 1
    assert len(agency.requests) == 2
