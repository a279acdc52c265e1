"""Whatever a reader types is just text: never a syntax error, never a 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahafa.search.engine import search
from tests.factories import make_article

HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "(",
    ")",
    "((كوريا",
    "NEAR",
    "NEAR(كوريا العقوبات, 2)",
    "AND",
    "OR",
    "NOT",
    "كوريا AND OR NOT",
    '"كوريا',
    'كوريا"',
    "«كوريا",
    "^كوريا",
    "headline:كوريا",
    "col:*",
    "كوريا*",
    "-",
    "--",
    "- -كوريا",
    "!!كوريا",
    "& | ! <->",
    "كوريا <-> العقوبات",
    "%",
    "_",
    "\\",
    "'; DROP TABLE articles_article; --",
    "\x00",
    "كوريا\x00العقوبات",
    "🇸🇦🔥 كوريا",
    "\u200f\u202eكوريا\u202c",
    "ـــ",
    "ًٌٍَُِّْ",
    "كوريا " * 2000,
    "ك" * 10_000,
    "x" * 10_000,
]


@pytest.fixture
def newsroom(db):
    return make_article(headline="رفع العقوبات عن كوريا الشمالية")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_searched_as_text(newsroom, text):
    results = search(text)
    assert results.total == len(results.articles) <= 1


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_breaks_the_page_or_the_api(newsroom, reader, text):
    page = reader.get("/search/", {"q": text})
    assert page.status_code == 200
    api = reader.get("/api/search", {"q": text})
    assert api.status_code == 200
    assert set(json.loads(api.content)) == {"results", "total", "page", "took_ms"}


def test_operators_are_words_not_syntax(db):
    story = make_article(headline="شركة NEAR تعلن شراكة مع OR للطاقة")
    assert [a.pk for a in search("NEAR").articles] == [story.pk]
    assert [a.pk for a in search('"NEAR" OR').articles] == [story.pk]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=300))
def test_any_unicode_query_returns_results_or_nothing(newsroom, text):
    results = search(text)
    assert results.total >= len(results.articles)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(
        alphabet=st.sampled_from([*list("\"'*()^:-+«»“”!&|<>\\ ANDORNEAR كوريا"), "\x00"]),
        max_size=60,
    ),
    page=st.one_of(st.integers(-5, 10**30).map(str), st.text(max_size=5)),
    section=st.text(max_size=10),
    start=st.text(max_size=12),
)
def test_any_request_to_the_page_and_api_answers_without_a_server_error(
    newsroom, reader, text, page, section, start
):
    params = {"q": text, "page": page, "section": section, "from": start}
    assert reader.get("/search/", params).status_code == 200
    assert reader.get("/api/search", params).status_code in {200, 400}
