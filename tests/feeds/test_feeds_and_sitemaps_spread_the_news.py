"""Feed readers, aggregators and search engines find what readers may see, and only that."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def newsroom_output():
    politics = make_section("سياسة", slug="politics")
    return {
        "live": make_article("قمة G20 في 2024: “نعم” للتعاون", section=politics, tags=["قمة"]),
        "draft": make_article("مسودة لم تنشر بعد", section=politics, published=False),
        "future": make_article(
            "خبر مجدول للغد",
            section=politics,
            published_at=timezone.now() + timedelta(days=1),
        ),
        "old": make_article(
            "خبر قديم من الأرشيف",
            section=politics,
            published_at=timezone.now() - timedelta(days=10),
        ),
    }


def test_the_latest_feed_is_arabic_rss_with_absolute_links(reader, newsroom_output):
    response = reader.get("/feeds/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "ar"
    titles = [item.findtext("title") for item in channel.iter("item")]
    links = [item.findtext("link") for item in channel.iter("item")]
    live = newsroom_output["live"]
    assert f"{live.kicker} {live.headline}" in titles
    assert settings.SAHAFA_BASE_URL + live.get_absolute_url() in links
    assert not any("مسودة" in title or "مجدول" in title for title in titles)


def test_section_and_tag_feeds_hold_their_own_articles(reader, newsroom_output):
    section_feed = reader.get("/feeds/politics/")
    assert section_feed.status_code == 200
    assert "قمة G20" in section_feed.content.decode()
    tag = newsroom_output["live"].tags.get()
    tag_feed = reader.get(f"/feeds/tag/{tag.slug}/")
    assert tag_feed.status_code == 200
    assert "قمة G20" in tag_feed.content.decode()
    assert "خبر قديم" not in tag_feed.content.decode()
    assert reader.get("/feeds/no-such-section/").status_code == 404


def test_sitemaps_list_public_articles_only(reader, newsroom_output):
    index = reader.get("/sitemap.xml")
    assert index.status_code == 200
    locations = [loc.text for loc in ElementTree.fromstring(index.content).iter(f"{SITEMAP}loc")]
    assert settings.SAHAFA_BASE_URL + "/sitemap-articles.xml" in locations

    articles = reader.get("/sitemap-articles.xml")
    body = articles.content.decode()
    assert newsroom_output["live"].get_absolute_url() in body
    assert newsroom_output["old"].get_absolute_url() in body
    assert newsroom_output["draft"].get_absolute_url() not in body
    assert newsroom_output["future"].get_absolute_url() not in body


def test_the_news_sitemap_holds_the_last_two_days(reader, newsroom_output):
    response = reader.get("/sitemap-news.xml")
    assert response.status_code == 200
    body = response.content.decode()
    ElementTree.fromstring(response.content)  # well-formed
    assert "<news:title>قمة G20 في 2024: “نعم” للتعاون</news:title>" in body
    assert "<news:language>ar</news:language>" in body
    assert "خبر قديم" not in body


def test_robots_txt_points_to_the_sitemaps(reader):
    response = reader.get("/robots.txt")
    assert response.status_code == 200
    assert f"Sitemap: {settings.SAHAFA_BASE_URL}/sitemap.xml" in response.content.decode()


def test_every_page_advertises_the_feed(reader, newsroom_output):
    page = reader.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert 'href="/feeds/"' in page
