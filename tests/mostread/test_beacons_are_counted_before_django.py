"""At the entrance the server runs, a reader's beacon is counted before Django builds a
request (no middleware, no URL resolution, no database): behind the proxy each reader is
their own address; a beacon with the newsroom's session goes on to Django, which knows the
editor and does not count them."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article

from .readers import LAPTOP, beacon_at_the_entrance, beacon_of, reader, stored_views

pytestmark = pytest.mark.django_db


def test_readers_behind_the_proxy_are_counted_exactly_at_the_entrance():
    story = make_article("أسعار النفط تتراجع")
    beacon = beacon_of(reader(0), story)
    beacon_at_the_entrance(beacon, "198.51.100.1")  # the first may start the minute's fold

    with CaptureQueriesContext(connection) as queries:
        statuses = {
            beacon_at_the_entrance(beacon, f"203.0.113.{n}", agent=LAPTOP, proxy="127.0.0.1")
            for n in range(1, 41)
        }
        repeats = {beacon_at_the_entrance(beacon, "203.0.113.1", proxy="127.0.0.1")}
        bot = beacon_at_the_entrance(beacon, "203.0.113.99", agent="Googlebot/2.1")
        forged = beacon_at_the_entrance(beacon.replace("s=", "s=0"), "203.0.113.98")
    call_command("most_read")

    assert statuses == repeats == {bot} == {"204 No Content"}
    assert forged == "400 Bad Request"
    assert [query["sql"] for query in queries] == []
    assert stored_views(story) == 41


def test_the_newsroom_goes_on_to_django_and_is_not_counted(editor):
    story = make_article("أمطار غزيرة وسيول في الرياض")
    beacon = beacon_of(editor, story)
    session = f"sessionid={editor.cookies['sessionid'].value}"

    status = beacon_at_the_entrance(beacon, "198.51.100.7", cookie=session)
    call_command("most_read")

    assert status.startswith("204")
    assert stored_views(story) == 0
