"""Feed readers, aggregators and search engines find what readers may see, and only that."""

from datetime import datetime, timedelta
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


def locations(response):
    return [loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP}loc")]


def month_sitemap_of(article):
    day = timezone.localtime(article.published_at)
    return f"/sitemap-articles-{day:%Y}-{day:%m}.xml"


def test_sitemaps_list_public_articles_only_one_month_a_file(reader, newsroom_output):
    live, old = newsroom_output["live"], newsroom_output["old"]
    index = reader.get("/sitemap.xml")
    assert index.status_code == 200
    months = {month_sitemap_of(live), month_sitemap_of(old)}
    assert {settings.SAHAFA_BASE_URL + path for path in months} <= set(locations(index))
    assert settings.SAHAFA_BASE_URL + "/sitemap-sections.xml" in locations(index)

    listed = set()
    for path in months:
        listed.update(locations(reader.get(path)))
    base = settings.SAHAFA_BASE_URL
    assert {base + live.get_absolute_url(), base + old.get_absolute_url()} <= listed
    assert base + newsroom_output["draft"].get_absolute_url() not in listed
    assert base + newsroom_output["future"].get_absolute_url() not in listed


def test_a_month_sitemap_holds_that_month_in_the_sites_time_zone(reader):
    # 23:30 on 31 January in Cairo (UTC+2) is 21:30 UTC: a January story either way; 00:30
    # on 1 February in Cairo is still 31 January in UTC, and belongs to February here.
    zone = timezone.get_default_timezone()
    january = make_article(
        "آخر أخبار يناير", published_at=datetime(2024, 1, 31, 23, 30, tzinfo=zone)
    )
    february = make_article(
        "أول أخبار فبراير", published_at=datetime(2024, 2, 1, 0, 30, tzinfo=zone)
    )
    in_january = locations(reader.get("/sitemap-articles-2024-01.xml"))
    in_february = locations(reader.get("/sitemap-articles-2024-02.xml"))
    assert [url.endswith(january.get_absolute_url()) for url in in_january] == [True]
    assert [url.endswith(february.get_absolute_url()) for url in in_february] == [True]


def test_a_month_without_public_stories_has_no_sitemap(reader, newsroom_output):
    assert reader.get("/sitemap-articles-1999-01.xml").status_code == 404
    assert reader.get("/sitemap-articles-2024-13.xml").status_code == 404
    assert reader.get("/sitemap-articles.xml").status_code == 404


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
