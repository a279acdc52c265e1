"""The live blog's page and its polling answers are stored by the page cache and
forgotten the moment an entry is published, edited, pinned or taken down, through the
side-effect seam; a polling answer brings only what changed since the reader's version."""

import json
from urllib.parse import quote

import pytest

from sahafa.live import workflow
from sahafa.live.models import LiveBlog
from tests.pagecache.wsgi_client import fetch

from .coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db


def poll(blog, after):
    answer = fetch(f"/live/{blog.pk}/entries", f"after={after}")
    return answer, json.loads(answer.body) if answer.status in (200, 400, 404) else None


def test_the_stored_page_is_forgotten_when_an_entry_is_published():
    blog = make_live_blog()
    make_entry(blog, "<p>التحديث الأول.</p>")
    url = blog.article.get_absolute_url()
    fetch(url)
    assert fetch(url).cache == "HIT"
    draft = make_entry(blog, "<p>وصول طائرات الإطفاء.</p>", published=False)
    assert fetch(url).cache == "HIT"  # a draft changes nothing readers see

    workflow.publish_entry(draft, by=None)

    after = fetch(url)
    assert after.cache == "MISS"
    assert "وصول طائرات الإطفاء." in after.body.decode()


def test_the_polling_answer_is_stored_and_brings_only_what_changed():
    blog = make_live_blog()
    first = make_entry(blog, "<p>الأول.</p>", minutes_ago=10)
    version = LiveBlog.objects.get(pk=blog.pk).version
    answer, data = poll(blog, version)
    assert answer.status == 200 and data["entries"] == [] and data["ids"] == [first.pk]
    assert poll(blog, version)[0].cache == "HIT"
    assert f"article-{blog.pk}" in answer.keys
    assert "s-maxage=15" in answer.headers["cache-control"]  # SAHAFA_LIVE_POLL_SECONDS

    second = make_entry(blog, "<p>الثاني.</p>")

    answer, data = poll(blog, version)
    assert answer.cache == "MISS"
    assert data["version"] > version and data["open"] is True
    assert data["ids"] == [second.pk, first.pk]
    assert [item["id"] for item in data["entries"]] == [second.pk]
    assert "الثاني." in data["entries"][0]["html"]


def test_pinning_and_taking_down_reach_the_polling_reader():
    blog = make_live_blog()
    first = make_entry(blog, "<p>الأول.</p>", minutes_ago=10)
    second = make_entry(blog, "<p>الثاني.</p>", minutes_ago=5)
    version = poll(blog, 0)[1]["version"]

    workflow.pin_entry(first, by=None)
    data = poll(blog, version)[1]
    assert data["ids"] == [first.pk, second.pk]
    assert [item["id"] for item in data["entries"]] == [first.pk]
    assert "live-entry--pinned" in data["entries"][0]["html"]

    workflow.unpublish_entry(first, by=None)
    data = poll(blog, data["version"])[1]
    assert data["ids"] == [second.pk] and data["entries"] == []

    workflow.close_coverage(blog, by=None)
    assert poll(blog, data["version"])[1]["open"] is False


def test_a_bad_cursor_or_an_article_without_live_coverage_is_a_clear_json_error():
    blog = make_live_blog()
    from tests.factories import make_article

    plain = make_article()
    for bad in ("abc", "-1", "1.5", "٣", "9" * 11):
        answer = fetch(f"/live/{blog.pk}/entries", f"after={quote(bad)}")
        assert answer.status == 400
        assert "رقم النسخة" in json.loads(answer.body)["error"]
    missing = fetch(f"/live/{plain.pk}/entries")
    assert missing.status == 404
    assert json.loads(missing.body)["error"] == "لا توجد تغطية مباشرة لهذا المقال."


def test_a_draft_articles_live_blog_is_not_served():
    blog = make_live_blog(published=False)
    make_entry(blog)

    assert fetch(f"/live/{blog.pk}/entries").status == 404
