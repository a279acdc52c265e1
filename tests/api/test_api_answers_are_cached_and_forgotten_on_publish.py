"""Thousands of phones poll the article list. The page cache answers them as it answers
readers — stored once, ETag and Cache-Control, surrogate keys for the CDN — and forgets
exactly the answers a publication changes, so a story is in the API the moment it is
published."""

import json

import pytest

from sahafa.articles import workflow
from sahafa.comments import workflow as moderation
from tests.factories import make_article, make_comment, make_section
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db


def ids(answer):
    return [item["id"] for item in json.loads(answer.body)["items"]]


def test_a_publication_is_in_the_cached_list_at_once():
    section = make_section("اقتصاد", slug="economy")
    first = make_article("أسعار النفط", section=section)
    fetch("/api/v1/articles")
    assert fetch("/api/v1/articles").cache == "HIT"
    draft = make_article("النفط يقفز", section=section, published=False)

    workflow.publish(draft, by=None)

    after = fetch("/api/v1/articles")
    assert after.cache == "MISS"
    assert ids(after) == [draft.pk, first.pk]


def test_a_list_is_stored_under_its_whole_query_in_any_order():
    economy = make_section("اقتصاد", slug="economy")
    make_article("أسعار النفط", section=economy, tags=["النفط"])
    make_article("خبر آخر", section=economy)

    stored = fetch("/api/v1/articles", "section=economy&limit=1")
    same = fetch("/api/v1/articles", "limit=1&section=economy")
    other = fetch("/api/v1/articles", "section=economy&limit=2")

    assert (stored.cache, same.cache, other.cache) == ("MISS", "HIT", "MISS")
    assert len(ids(stored)) == 1 and len(ids(other)) == 2
    assert f"section-{economy.pk}" in stored.keys


def test_answers_carry_the_headers_of_reader_pages():
    article = make_article()
    path = f"/api/v1/articles/{article.pk}"

    answer = fetch(path)
    again = fetch(path, if_none_match=answer.headers["etag"])
    hit = fetch(path)

    assert {f"article-{article.pk}", f"related-{article.pk}", "site"} <= answer.keys
    assert answer.headers["cache-control"].startswith("public, max-age=0, s-maxage=")
    assert (again.status, again.body) == (304, b"")
    # What the cache hands out has the API's own headers too.
    assert hit.cache == "HIT"
    assert hit.headers["access-control-allow-origin"] == "*"
    assert hit.headers["content-type"].startswith("application/json")


def test_an_edit_reaches_the_cached_article_and_lists():
    article = make_article("عنوان أول")
    fetch(f"/api/v1/articles/{article.pk}")
    fetch("/api/v1/articles")

    article.headline = "عنوان مصحح"
    article.save()

    assert "عنوان مصحح".encode() in fetch(f"/api/v1/articles/{article.pk}").body
    assert "عنوان مصحح".encode() in fetch("/api/v1/articles").body


def test_search_and_errors_are_never_stored():
    make_article("أسعار النفط")

    for path, query in [("/api/v1/search", "q=النفط"), ("/api/v1/articles", "limit=0")]:
        fetch(path, query)
        answer = fetch(path, query)
        assert answer.cache is None


def test_an_approved_comment_counts_at_once():
    article = make_article()
    waiting = make_comment(article, status="pending")
    path = f"/api/v1/articles/{article.pk}"
    fetch(path)
    before = fetch(path)
    assert before.cache == "HIT" and json.loads(before.body)["comment_count"] == 0

    moderation.approve(waiting, by=None)

    assert json.loads(fetch(path).body)["comment_count"] == 1
