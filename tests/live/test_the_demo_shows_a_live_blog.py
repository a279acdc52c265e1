"""A visitor to the demo newspaper finds a live blog still open, with several entries and
one pinned «عاجل», and another whose coverage has ended."""

import pytest

from sahafa.articles.models import Article
from sahafa.demo.loader import KEY_URL, load_demo_content
from sahafa.live.models import Entry

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_live_blog_and_an_ended_one(reader):
    load_demo_content()
    fires = Article.objects.get(source_url=KEY_URL.format("athens-wildfires-evacuation"))
    match = Article.objects.get(source_url=KEY_URL.format("world-cup-qualifier-win"))

    page = reader.get(fires.get_absolute_url()).content.decode()
    ended = reader.get(match.get_absolute_url()).content.decode()

    assert fires.live_blog.is_open and not match.live_blog.is_open
    assert page.count('<li id="live-entry-') == 5
    assert page.count("live-entry--pinned") == 1 and "الساعات المقبلة حاسمة" in page
    assert "data-live-url" in page and "live/live.js" in page
    assert Entry.objects.filter(live_blog=fires.live_blog, status="draft").exists()
    assert "حصيلة الأضرار" not in page  # the draft waits for an editor
    assert "انتهت التغطية المباشرة" in ended and "هدف الفوز" in ended
    assert "data-live-url" not in ended
