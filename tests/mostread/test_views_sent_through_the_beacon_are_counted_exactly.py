"""Readers open stories on their phones; each page view sends one beacon. Every view is
counted in the cache and the fold moves all of them into the table: counted = sent, with
no database write per view."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article

from .readers import LAPTOP, PHONE, beacon_of, opens, reader, stored_views

pytestmark = pytest.mark.django_db


def test_views_from_many_readers_are_counted_and_folded_with_none_lost():
    oil = make_article("أسعار النفط تتراجع مع ارتفاع المخزونات")
    rain = make_article("أمطار غزيرة وسيول في الرياض")
    sent = {oil.pk: 0, rain.pk: 0}
    for number in range(30):
        client = reader(number, agent=LAPTOP if number % 2 else PHONE)
        for article in (oil, rain) if number % 3 else (oil,):
            assert opens(client, article) == 204
            sent[article.pk] += 1

    call_command("most_read")

    assert {oil.pk: stored_views(oil), rain.pk: stored_views(rain)} == sent


def test_views_after_a_fold_are_in_the_next_one():
    story = make_article("الهلال يتوج بكأس الملك")
    beacon = beacon_of(reader(0), story)
    for number in range(12):
        opens(reader(number), story, beacon)
    call_command("most_read")
    for number in range(12, 20):
        opens(reader(number), story, beacon)

    call_command("most_read")
    call_command("most_read")  # folding again counts nothing twice

    assert stored_views(story) == 20


def test_a_view_writes_nothing_to_the_database():
    story = make_article("ستة ملايين طالب يبدؤون العام الدراسي")
    beacon = beacon_of(reader(0), story)
    opens(reader(0), story, beacon)  # the first beacon may start the minute's fold

    with CaptureQueriesContext(connection) as queries:
        for number in range(1, 6):
            assert opens(reader(number), story, beacon) == 204

    assert [query["sql"] for query in queries] == []
