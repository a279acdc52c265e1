"""Readers who ask what another reader just asked get the answer kept in the shared cache,
and the newsroom's next publication, withdrawal or edit is in the very next answer."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sahafa.articles import workflow
from tests.factories import make_article, make_section
from tests.servers import get


def headlines(response):
    found = re.findall(r'<a href="[^"]*">(.*?)</a></h2>', response.content.decode())
    return [re.sub(r"</?mark>", "", headline) for headline in found]


def count(response):
    return re.search(r'role="status">(.*?)</p>', response.content.decode()).group(1)


def ranking_queries(make_request):
    """The SQL statements that read the search index while ``make_request()`` runs."""
    with CaptureQueriesContext(connection) as queries:
        make_request()
    return [query["sql"] for query in queries if "search_" in query["sql"]]


def test_a_second_reader_of_the_same_words_gets_the_kept_answer(reader, db):
    section = make_section()
    for n in range(12):
        make_article(headline=f"مفاوضات سد النهضة الجولة {n}", section=section)
    first = reader.get("/search/", {"q": "سد النهضة"})

    assert ranking_queries(lambda: reader.get("/search/", {"q": "سد النهضة"})) == []
    again = reader.get("/search/", {"q": "سد النهضة"})
    assert len(headlines(first)) == 10
    assert headlines(again) == headlines(first) and count(again) == "12 نتيجة"
    # The second page is cut from the same ranked answer.
    second_page = []
    assert (
        ranking_queries(
            lambda: second_page.append(reader.get("/search/", {"q": "سد النهضة", "page": 2}))
        )
        == []
    )
    assert len(headlines(second_page[0])) == 2
    assert not set(headlines(second_page[0])) & set(headlines(first))


def test_publishing_withdrawing_and_editing_show_in_the_next_answer(reader, db):
    section = make_section()
    stalled = make_article(headline="مفاوضات سد النهضة تتعثر", section=section)
    make_article(headline="خبراء: سد النهضة يهدد حصة مصر", section=section)
    assert count(reader.get("/search/", {"q": "سد النهضة"})) == "نتيجتان"
    assert count(reader.get("/search/", {"q": "تتعثر"})) == "نتيجة واحدة"

    make_article(headline="السودان يطلب وساطة في أزمة سد النهضة", section=section)
    page = reader.get("/search/", {"q": "سد النهضة"})
    assert count(page) == "3 نتائج"
    assert any("السودان يطلب وساطة" in headline for headline in headlines(page))

    workflow.unpublish(stalled, by=None)
    page = reader.get("/search/", {"q": "سد النهضة"})
    assert count(page) == "نتيجتان"
    assert not any("تتعثر" in headline for headline in headlines(page))
    assert "لم نجد" in reader.get("/search/", {"q": "تتعثر"}).content.decode()

    workflow.publish(stalled, by=None)
    assert count(reader.get("/search/", {"q": "تتعثر"})) == "نتيجة واحدة"
    stalled.refresh_from_db()
    stalled.headline = "مفاوضات سد النهضة تستأنف في أديس أبابا"
    stalled.save()
    assert "لم نجد" in reader.get("/search/", {"q": "تتعثر"}).content.decode()
    assert count(reader.get("/search/", {"q": "تستانف"})) == "نتيجة واحدة"
    assert reader.get("/api/search", {"q": "تتعثر"}).json()["total"] == 0


def test_a_scheduled_story_joins_the_kept_answer_at_its_time(reader, db):
    make_article(headline="الميزانية العامة للدولة")
    due = timezone.now() + timedelta(seconds=30)
    make_article(headline="الميزانية العامة تعلن غداً", published_at=due)
    assert count(reader.get("/search/", {"q": "الميزانيه"})) == "نتيجة واحدة"
    # Nothing is written to the index when its time comes.
    with time_machine.travel(due + timedelta(seconds=1)):
        assert count(reader.get("/search/", {"q": "الميزانيه"})) == "نتيجتان"


def test_an_answer_is_kept_a_minute_and_not_at_all_when_the_operator_says_so(reader, db, settings):
    make_article(headline="افتتاح معرض الرياض الدولي للكتاب")
    reader.get("/search/", {"q": "معرض"})
    assert ranking_queries(lambda: reader.get("/search/", {"q": "معرض"})) == []
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert ranking_queries(lambda: reader.get("/search/", {"q": "معرض"})) != []

    settings.SAHAFA_SEARCH_CACHE_SECONDS = 0
    reader.get("/search/", {"q": "الكتاب"})
    assert ranking_queries(lambda: reader.get("/search/", {"q": "الكتاب"})) != []


@pytest.mark.deploy
@pytest.mark.django_db(transaction=True)
def test_a_publication_shows_in_the_next_answer_of_every_server(processes, shared_cache):
    make_article(headline="مفاوضات سد النهضة تتعثر")
    servers = [processes.sahafa(CACHE_URL=shared_cache)[0] for _ in range(2)]
    path = "/search/?q=%D8%B3%D8%AF"  # «سد»
    for server in servers:
        for _ in range(2):  # ranked, then kept
            assert "نتيجة واحدة" in get(server, path).body

    make_article(headline="السودان يطلب وساطة في أزمة سد النهضة")

    for server in servers:
        page = get(server, path).body
        assert "نتيجتان" in page and "السودان يطلب وساطة" in page
