"""An app shows «الأكثر قراءة» from the read API: /api/v1/most-read for the last 24 hours
or 7 days, for the site or a section, stored by the page cache like every list."""

import json

import pytest
from django.core.management import call_command

from sahafa.mostread import lists
from tests.factories import make_article, make_section
from tests.pagecache.wsgi_client import fetch

from .readers import views_hours_ago

pytestmark = pytest.mark.django_db


def answer(query=""):
    got = fetch("/api/v1/most-read", query)
    return got, json.loads(got.body)


def test_an_app_reads_the_lists_by_window_and_section():
    economy = make_section("اقتصاد", slug="economy")
    sports = make_section("رياضة", slug="sports")
    oil = make_article("أسعار النفط تتراجع", section=economy)
    budget = make_article("الميزانية تسجل فائضا", section=economy)
    final = make_article("الهلال يتوج بكأس الملك", section=sports)
    views_hours_ago(oil, 1, 30)
    views_hours_ago(final, 2, 20)
    views_hours_ago(budget, 3 * 24, 90)
    lists.refresh()

    _got, day = answer()
    _got, week = answer("window=7d")
    got, economy_week = answer("window=7d&section=economy")

    assert day["window"] == "24h" and day["section"] is None
    assert [(i["rank"], i["article"]["id"], i["views"]) for i in day["items"]] == [
        (1, oil.pk, 30),
        (2, final.pk, 20),
    ]
    assert [i["article"]["id"] for i in week["items"]] == [budget.pk, oil.pk, final.pk]
    assert economy_week["section"]["slug"] == "economy"
    assert [i["article"]["id"] for i in economy_week["items"]] == [budget.pk, oil.pk]
    assert week["items"][0]["article"]["headline"] == budget.headline
    assert {"most-read", f"article-{oil.pk}"} <= got.keys


def test_the_answer_is_stored_and_forgotten_when_the_order_changes():
    oil = make_article("أسعار النفط تتراجع")
    rain = make_article("أمطار غزيرة وسيول في الرياض")
    views_hours_ago(oil, 1, 30)
    views_hours_ago(rain, 1, 20)
    lists.refresh()
    answer()
    assert answer()[0].cache == "HIT"

    views_hours_ago(rain, 0, 50)
    call_command("most_read")
    got, body = answer()

    assert got.cache == "MISS"
    assert [i["article"]["id"] for i in body["items"]] == [rain.pk, oil.pk]


def test_a_bad_window_or_section_is_named():
    got, body = answer("window=30d")
    unknown, named = answer("section=nowhere")

    assert got.status == 400 and "window" in body["fields"]
    assert unknown.status == 400 and "section" in named["fields"]
