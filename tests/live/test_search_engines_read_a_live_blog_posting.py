"""Search engines read a live blog as a schema.org LiveBlogPosting (a kind of article, so
it keeps everything the NewsArticle said): when the coverage started and ended, and each
published entry as a `liveBlogUpdate` (BlogPosting) pointing at its place on the page."""

import json
import re
from datetime import datetime

import pytest
from django.conf import settings

from sahafa.live import workflow
from tests.factories import make_article, make_author, make_user

from .coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(page):
    return {block["@type"]: block for block in map(json.loads, JSON_LD.findall(page))}


def test_a_live_blog_is_a_valid_live_blog_posting(reader):
    blog = make_live_blog()
    reporter = make_user("reporter")
    make_author("ريم الشمري", user=reporter)
    first = make_entry(blog, "<p>بدء <strong>الإخلاء</strong>.</p>", by=reporter, minutes_ago=20)
    key = make_entry(blog, "<p>أوامر إخلاء جديدة.</p>", title="إخلاء بلدتين", minutes_ago=10)
    make_entry(blog, "<p>[مسودة]</p>", published=False)
    workflow.pin_entry(key, by=None)
    workflow.close_coverage(blog, by=None)
    blog.refresh_from_db()

    page = reader.get(blog.article.get_absolute_url()).content.decode()

    data = structured_data(page)
    assert "NewsArticle" not in data and "BreadcrumbList" in data
    live = data["LiveBlogPosting"]
    url = settings.SAHAFA_BASE_URL + blog.article.get_absolute_url()
    assert live["@context"] == "https://schema.org" and live["url"] == url
    assert live["headline"] == blog.article.headline[:110]
    assert datetime.fromisoformat(live["coverageStartTime"]) == blog.opened_at
    assert datetime.fromisoformat(live["coverageEndTime"]) == blog.closed_at
    assert datetime.fromisoformat(live["dateModified"]) == key.published_at
    updates = live["liveBlogUpdate"]
    assert [update["@type"] for update in updates] == ["BlogPosting", "BlogPosting"]
    assert [update["headline"] for update in updates] == ["إخلاء بلدتين", "بدء الإخلاء."]
    assert updates[1]["articleBody"] == "بدء الإخلاء."
    assert [datetime.fromisoformat(u["datePublished"]) for u in updates] == [
        key.published_at,
        first.published_at,
    ]
    for update in updates:
        anchor = update["url"].removeprefix(url + "#")
        assert f'<li id="{anchor}"' in page
    assert updates[1]["author"]["name"] == "ريم الشمري"
    assert updates[0]["author"]["@type"] == "NewsMediaOrganization"
    assert "[مسودة]" not in json.dumps(live, ensure_ascii=False)


def test_an_open_live_blog_has_no_end_yet_and_other_articles_stay_news_articles(reader):
    blog = make_live_blog()

    live = structured_data(reader.get(blog.article.get_absolute_url()).content.decode())
    plain = structured_data(reader.get(make_article().get_absolute_url()).content.decode())

    assert "coverageEndTime" not in live["LiveBlogPosting"]
    assert live["LiveBlogPosting"]["liveBlogUpdate"] == []
    assert "NewsArticle" in plain and "LiveBlogPosting" not in plain
