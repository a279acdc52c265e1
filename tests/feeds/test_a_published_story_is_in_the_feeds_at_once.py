"""Feeds are stored by the page cache like the pages they mirror; when Rana, an editor,
publishes a story, every feed that must show it has it on the aggregator's next fetch —
not minutes later — while feeds it does not belong to stay stored."""

import feedparser
import pytest

from sahafa.articles import workflow
from sahafa.newsroom import roles
from tests.factories import make_article, make_author, make_section, make_tag, make_user
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_feeds():
    politics, sports = make_section("سياسة"), make_section("رياضة")
    tag, writer = make_tag("الميزانية"), make_author("ليلى حداد")
    make_article("خبر سياسي سابق", section=politics)
    make_article("خبر رياضي سابق", section=sports)
    story = make_article(
        "الحكومة تعلن الميزانية الجديدة",
        section=politics,
        tags=[tag],
        authors=[writer],
        published=False,
    )
    showing = ["/feeds/", f"/feeds/{politics.slug}/", f"/feeds/tag/{tag.slug}/"]
    showing += [f"/feeds/author/{writer.slug}/"]
    showing += [address + "atom/" for address in showing]
    other = [f"/feeds/{sports.slug}/", f"/feeds/{sports.slug}/atom/"]
    for address in showing + other:
        first, second = fetch(address), fetch(address)
        assert (first.cache, second.cache) == ("MISS", "HIT"), address
    return {"story": story, "showing": showing, "other": other}


def titles(answer):
    feed = feedparser.parse(answer.body)
    assert not feed.bozo
    return [entry.title for entry in feed.entries]


def test_publishing_puts_the_story_in_every_feed_that_shows_it_at_once(stored_feeds):
    editor = make_user("rana", roles.EDITOR)
    story = stored_feeds["story"]

    workflow.publish(story, by=editor)

    for address in stored_feeds["showing"]:
        answer = fetch(address)
        assert answer.status == 200
        assert answer.cache == "MISS", address  # rendered again, not served stale
        assert any(story.headline in title for title in titles(answer)), address
        assert fetch(address).cache == "HIT", address  # and stored again
    for address in stored_feeds["other"]:
        assert fetch(address).cache == "HIT", address


def test_unpublishing_takes_the_story_out_of_the_stored_feeds(stored_feeds):
    editor = make_user("rana", roles.EDITOR)
    story = stored_feeds["story"]
    workflow.publish(story, by=editor)
    for address in stored_feeds["showing"]:
        fetch(address)

    workflow.unpublish(story, by=editor)

    for address in stored_feeds["showing"]:
        assert not any(story.headline in title for title in titles(fetch(address))), address


def test_stored_feeds_name_the_pages_they_mirror(stored_feeds):
    site = fetch("/feeds/atom/")
    assert {"site", "latest"} <= site.keys
    assert site.headers["content-type"].startswith("application/atom+xml")
    assert "s-maxage=" in site.headers["cache-control"]


def test_the_news_sitemap_lists_the_story_at_once(stored_feeds):
    assert [fetch("/sitemap-news.xml").cache, fetch("/sitemap-news.xml").cache] == [
        "MISS",
        "HIT",
    ]
    story = stored_feeds["story"]

    workflow.publish(story, by=make_user("rana", roles.EDITOR))

    answer = fetch("/sitemap-news.xml")
    assert answer.cache == "MISS"
    assert story.headline in answer.body.decode()
