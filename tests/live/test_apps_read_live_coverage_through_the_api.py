"""A partner's app reads a live blog through the read API: its published entries, the
pinned one first, and whether the coverage is still live; the answer is stored by the page
cache and forgotten when an entry is published."""

import pytest
from django.conf import settings

from sahafa.live import workflow
from tests.factories import make_article
from tests.pagecache.wsgi_client import fetch

from .coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db


def test_an_app_reads_the_entries_of_a_live_blog(reader):
    blog = make_live_blog()
    first = make_entry(blog, "<p>بدء <strong>الإخلاء</strong>.</p>", minutes_ago=20)
    key = make_entry(blog, "<p>إخلاء بلدتين.</p>", title="عاجل", minutes_ago=10)
    make_entry(blog, "<p>[مسودة]</p>", published=False)
    workflow.pin_entry(key, by=None)

    data = reader.get(f"/api/v1/articles/{blog.pk}/live").json()

    assert data["article"] == blog.pk and data["open"] is True
    assert data["coverage_ended"] is None
    assert [(e["id"], e["pinned"]) for e in data["entries"]] == [(key.pk, True), (first.pk, False)]
    assert data["entries"][1]["body_html"] == "<p>بدء <strong>الإخلاء</strong>.</p>"
    assert data["entries"][1]["body_text"] == "بدء الإخلاء."
    page = settings.SAHAFA_BASE_URL + blog.article.get_absolute_url()
    assert data["entries"][0]["url"] == f"{page}#live-entry-{key.pk}"


def test_the_stored_answer_is_forgotten_when_an_entry_is_published():
    blog = make_live_blog()
    path = f"/api/v1/articles/{blog.pk}/live"
    fetch(path)
    assert fetch(path).cache == "HIT"

    make_entry(blog, "<p>وصول فرق الإنقاذ.</p>")

    answer = fetch(path)
    assert answer.cache == "MISS" and "وصول فرق الإنقاذ." in answer.body.decode()


def test_an_article_without_live_coverage_is_a_json_404(reader):
    response = reader.get(f"/api/v1/articles/{make_article().pk}/live")

    assert response.status_code == 404 and "error" in response.json()
