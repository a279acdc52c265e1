"""The front page and every article page show «الأكثر قراءة», right to left with Arabic
ranks; pages stay stored by the page cache (the beacon counts, not the page), and a new
order purges them (surrogate key `most-read`)."""

import re

import pytest
from django.core.management import call_command

from tests.factories import make_article
from tests.pagecache.wsgi_client import fetch

from .readers import beacon_of, opens, reader

pytestmark = pytest.mark.django_db


def most_read_box(html):
    found = re.search(r'<section class="most-read".*?</section>', html, re.DOTALL)
    assert found, "the page shows «الأكثر قراءة»"
    return found.group(0)


def headlines(box):
    return re.findall(r'<a href="[^"]+" dir="rtl">(.*?)</a>', box)


def read(story, readers, first=0):
    beacon = beacon_of(reader(first), story)
    for number in range(first, first + readers):
        opens(reader(number), story, beacon)


def test_the_front_page_ranks_the_most_read_stories_in_arabic():
    oil = make_article("أسعار النفط تتراجع")
    rain = make_article("أمطار غزيرة وسيول في الرياض")
    make_article("خبر لم يقرأه أحد")
    read(oil, 3)
    read(rain, 5, first=10)
    call_command("most_read")

    box = most_read_box(fetch("/").body.decode())

    assert 'dir="rtl"' in box and "الأكثر قراءة" in box
    assert "آخر 24 ساعة" in box and "آخر 7 أيام" in box
    assert headlines(box)[:2] == [rain.headline, oil.headline]
    assert '<span class="most-read-rank" aria-hidden="true">١</span>' in box
    assert '<span class="most-read-rank" aria-hidden="true">٢</span>' in box
    assert "خبر لم يقرأه أحد" not in box


def test_the_article_page_shows_the_list_and_stays_cached():
    story = make_article("الهلال يتوج بكأس الملك")
    read(story, 2)
    call_command("most_read")
    path = story.get_absolute_url()

    first = fetch(path)
    again = fetch(path)

    assert (first.cache, again.cache) == ("MISS", "HIT")
    assert "most-read" in first.keys
    assert story.headline in headlines(most_read_box(first.body.decode()))
    assert b"/static/mostread/beacon" in again.body and b"<script>" not in again.body


def test_a_new_order_reaches_the_stored_front_page():
    oil = make_article("أسعار النفط تتراجع")
    rain = make_article("أمطار غزيرة وسيول في الرياض")
    read(oil, 2)
    read(rain, 1, first=10)
    call_command("most_read")
    before = fetch("/")
    assert fetch("/").cache == "HIT"

    read(rain, 3, first=20)
    call_command("most_read")
    after = fetch("/")

    assert headlines(most_read_box(before.body.decode()))[:2] == [oil.headline, rain.headline]
    assert after.cache == "MISS"
    assert headlines(most_read_box(after.body.decode()))[:2] == [rain.headline, oil.headline]


def test_no_views_no_box():
    make_article("خبر لم يقرأه أحد")

    assert b'class="most-read"' not in fetch("/").body
