"""Khaled, a researcher, browses the archive by date: `/2026/`, `/2026/11/` and
`/2026/11/30/` list what was published then, days counted on the newsroom's clock (the
tests run in Africa/Cairo), with Arabic month names and the Hijri dates in the headings.
Addresses that look like dates are never read as a section and an article id."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from sahafa.articles import workflow
from sahafa.articles.models import Section
from sahafa.articles.views import PAGE_SIZE
from sahafa.newsroom import roles
from tests.factories import make_article, make_section, make_user
from tests.pagecache.wsgi_client import fetch

CAIRO = ZoneInfo("Africa/Cairo")


def cairo(*args):
    return datetime(*args, tzinfo=CAIRO)


@pytest.fixture
def archive():
    politics = make_section("سياسة", slug="politics")

    def story(headline, *when):
        return make_article(headline, section=politics, published_at=cairo(*when))

    return {
        "politics": politics,
        # 23:30 in Cairo is 21:30 UTC: still the 30th for the newsroom.
        "late": story("جلسة ليلية للبرلمان", 2026, 11, 30, 23, 30),
        # 00:30 in Cairo on the 1st is 22:30 UTC on the 30th.
        "early": story("قرار عند منتصف الليل", 2026, 12, 1, 0, 30),
        "spring": story("خبر من الربيع", 2026, 4, 24, 1, 15),
        "eve": story("خبر قبل تغيير الساعة", 2026, 4, 23, 23, 50),
        "last_year": story("خبر من العام الماضي", 2025, 11, 30, 12),
        "draft": make_article("مسودة لم تنشر", section=politics, published=False),
    }


def shown(reader, address):
    response = reader.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def test_a_day_is_the_newsrooms_day_not_utcs(reader, archive):
    day = shown(reader, "/2026/11/30/")
    assert "جلسة ليلية للبرلمان" in day
    assert "قرار عند منتصف الليل" not in day

    next_day = shown(reader, "/2026/12/01/")
    assert "قرار عند منتصف الليل" in next_day
    assert "جلسة ليلية للبرلمان" not in next_day


def test_the_day_the_clocks_skip_midnight_starts_at_one(reader, archive):
    # Cairo moves to summer time at midnight on 24 April 2026: that day begins at 01:00.
    day = shown(reader, "/2026/04/24/")
    assert "خبر من الربيع" in day
    assert "خبر قبل تغيير الساعة" not in day
    assert "خبر قبل تغيير الساعة" in shown(reader, "/2026/04/23/")


def test_month_and_year_hold_their_days(reader, archive):
    november = shown(reader, "/2026/11/")
    assert "جلسة ليلية للبرلمان" in november
    assert "قرار عند منتصف الليل" not in november
    assert "خبر من العام الماضي" not in november

    year = shown(reader, "/2026/")
    for headline in ("جلسة ليلية", "قرار عند منتصف الليل", "خبر من الربيع"):
        assert headline in year
    assert "خبر من العام الماضي" not in year
    assert "مسودة" not in year


def test_headings_give_arabic_months_and_the_hijri_dates(reader, archive):
    day = shown(reader, "/2026/11/30/")
    assert "<h1>الاثنين 30 نوفمبر 2026</h1>" in day
    assert "20 جمادى الآخرة 1448 هـ" in day
    assert 'href="/2026/11/"' in day  # up to the month
    assert 'href="/2026/"' in day  # and the year

    month = shown(reader, "/2026/11/")
    assert "<h1>نوفمبر 2026</h1>" in month
    assert "جمادى الأولى – جمادى الآخرة 1448 هـ" in month

    # The month lists its days with stories, the year its months.
    assert re.findall(r'<li><a href="(/2026/11/\d\d/)">(\d+)</a></li>', month) == [
        ("/2026/11/30/", "30")
    ]

    year = shown(reader, "/2026/")
    assert "<h1>2026</h1>" in year
    assert re.findall(r'<li><a href="(/2026/\d\d/)">([^<]+)</a></li>', year) == [
        ("/2026/04/", "أبريل"),
        ("/2026/11/", "نوفمبر"),
        ("/2026/12/", "ديسمبر"),
    ]
    assert "1447 – 1448 هـ" in year
    assert f'<link rel="canonical" href="{settings.SAHAFA_BASE_URL}/2026/">' in year


def test_the_article_dateline_links_to_its_day(reader, archive):
    page = shown(reader, archive["late"].get_absolute_url())
    assert 'class="dateline-archive" href="/2026/11/30/"' in page


def test_a_busy_day_is_paginated_like_a_section(reader, archive):
    for n in range(PAGE_SIZE + 3):
        make_article(
            f"خبر يوم الانتخابات رقم {n}",
            section=archive["politics"],
            published_at=cairo(2026, 11, 5, 8, n),
        )

    first = shown(reader, "/2026/11/05/")
    assert '<p class="listing-count">23 ' in first
    assert 'href="?page=2"' in first
    second = shown(reader, "/2026/11/05/?page=2")
    assert second.count('class="card-headline"') == 3


@pytest.mark.parametrize(
    "address",
    [
        "/2026/13/",  # no 13th month
        "/2026/00/",
        "/2026/02/30/",  # no 30 February
        "/2026/11/31/",
        "/2025/02/29/",  # not a leap year
        "/0000/",
        "/9999/12/31/",
        "/2026/5/",  # archives write two digits
        "/2030/",  # nothing published then
        "/2019/05/old-post/",  # an old WordPress address: for the redirects fallback
        "/2019/05/10/old-post/",
    ],
)
def test_addresses_that_are_no_archive_are_404(reader, archive, address):
    response = reader.get(address)
    assert response.status_code == 404, (address, response.get("Location"))


def test_a_date_address_is_never_read_as_an_article_id(reader, archive):
    # Before, /<section>/<id>/ read /2026/11/ as article 11 of a section "2026".
    pk = archive["late"].pk
    for address in (f"/2019/{pk:02d}/", f"/2019/{pk:02d}/old-post/", f"/2019/{pk}/x/"):
        response = reader.get(address)
        assert response.status_code == 404, (address, response.get("Location"))


def test_section_addresses_keep_working(reader, archive):
    late, politics = archive["late"], archive["politics"]
    short = reader.get(f"/{politics.slug}/{late.pk}/")
    assert short.status_code == 301
    assert short["Location"] == late.get_absolute_url()
    assert reader.get(late.get_absolute_url()).status_code == 200
    assert "جلسة ليلية" in shown(reader, politics.get_absolute_url())
    numbered = make_section("أخبار 24", slug="24-news")
    story = make_article("خبر في قسم يبدأ برقم", section=numbered)
    assert reader.get(story.get_absolute_url()).status_code == 200


def test_a_section_cannot_take_a_years_address(archive):
    with pytest.raises(ValidationError):
        Section(name="عام", slug="2026").full_clean()


@pytest.mark.django_db
def test_an_archive_page_shows_a_new_story_the_moment_it_is_published():
    politics = make_section("سياسة")
    make_article("خبر الصباح", section=politics, published_at=cairo(2026, 11, 30, 9))
    for address in ("/2026/11/30/", "/2026/11/", "/2026/"):
        assert [fetch(address).cache, fetch(address).cache] == ["MISS", "HIT"]
    make_article("خبر الأمس", section=politics, published_at=cairo(2026, 11, 29, 9))
    assert [fetch("/2026/11/29/").cache, fetch("/2026/11/29/").cache] == ["MISS", "HIT"]
    story = make_article("خبر المساء", section=politics, published=False)

    workflow.publish(story, by=make_user("rana", roles.EDITOR), at=cairo(2026, 11, 30, 18))

    for address in ("/2026/11/30/", "/2026/11/", "/2026/"):
        answer = fetch(address)
        assert answer.cache == "MISS", address
        assert "خبر المساء" in answer.body.decode(), address
        assert f"archive-{address.strip('/').replace('/', '-')}" in answer.keys
    # Another day's page does not show it, and stays stored.
    assert fetch("/2026/11/29/").cache == "HIT"
