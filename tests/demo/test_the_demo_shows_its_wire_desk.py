"""The demo newspaper's newsroom has a wire desk: three agencies' items in the queue, the
same story from واس and أ ف ب grouped, a draft made from واس's item, and the update واس
sent afterwards flagged on that draft. The feeds are the demo site's own static files."""

import pytest
from django.contrib.staticfiles import finders

from sahafa.articles.models import Article
from sahafa.demo.loader import load_demo_content, load_demo_wire
from sahafa.wire.models import ArticleSource, Feed, WireItem

pytestmark = pytest.mark.django_db


def test_the_demo_newsroom_shows_a_wire_queue_with_a_grouped_story_and_a_draft(editor):
    load_demo_content()
    assert load_demo_wire() == 7

    page = editor.get("/admin/wire/wireitem/").content.decode()
    assert "ولي العهد يستقبل رئيس وزراء اليابان في الرياض" in page
    assert "الذهب يستقر قرب أعلى مستوياته" in page
    assert "نسختان أخريان: أ ف ب، واس" in page  # واس's first item beside أ ف ب and the update

    visit = WireItem.objects.get(guid="spa-demo-visit")
    afp = WireItem.objects.get(guid="urn:demo:afp:sa-japan")
    assert afp.story_id == visit.story_id
    source = ArticleSource.objects.get(item=visit)
    assert source.article.status == Article.Status.DRAFT
    assert source.article.section.slug == "politics"
    assert source.update == WireItem.objects.get(guid="spa-demo-visit-2")
    form = editor.get(f"/admin/articles/article/{source.article_id}/change/").content.decode()
    assert "تحديث من الوكالة" in form


def test_the_demo_feeds_are_served_by_the_site_and_loaded_once(settings):
    load_demo_content()
    load_demo_wire()

    for feed in Feed.objects.all():
        assert feed.url.startswith(settings.SAHAFA_BASE_URL.rstrip("/") + "/static/demo/wire/")
        assert finders.find(feed.url.split("/static/")[1])
    assert load_demo_wire() == 0
    assert WireItem.objects.count() == 7


def test_the_demo_feeds_follow_the_port_the_demo_serves(settings):
    load_demo_content()
    load_demo_wire()

    settings.SAHAFA_BASE_URL = "http://127.0.0.1:9123"
    load_demo_wire()

    assert {feed.url for feed in Feed.objects.all()} == {
        "http://127.0.0.1:9123/static/demo/wire/spa.xml",
        "http://127.0.0.1:9123/static/demo/wire/afp.xml",
        "http://127.0.0.1:9123/static/demo/wire/reuters.json",
    }
