"""The editor finds stories on the article list by status, section, author, date,
breaking news, and by Arabic words in the kicker, headline or standfirst."""

from datetime import datetime, timedelta
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from sahafa.articles import workflow
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
CAIRO = ZoneInfo("Africa/Cairo")


@pytest.fixture
def desk(editor):
    sports = make_section("رياضة")
    economy = make_section("اقتصاد")
    reporter = make_author("ريم الشمري")
    articles = {
        "match": make_article(
            "الهلال يفوز على النصر في الديربي",
            section=sports,
            authors=[reporter],
            published_at=datetime(2024, 3, 10, 20, 0, tzinfo=CAIRO),
        ),
        "oil": make_article(
            "أسعار النفط ترتفع",
            section=economy,
            kicker="في ختام تعاملات الأسبوع",
            standfirst="برنت يتجاوز 90 دولاراً للبرميل",
            published_at=datetime(2025, 1, 5, 9, 0, tzinfo=CAIRO),
            is_breaking=True,
        ),
        "review": make_article("ميزانية الأندية تحت المراجعة", section=sports, published=False),
    }
    workflow.submit(articles["review"], by=editor.user)
    return {"sports": sports, "reporter": reporter, **articles}


def headlines_listed(client, query):
    response = client.get(CHANGELIST + query)
    assert response.status_code == 200
    return {article.headline for article in response.context["cl"].result_list}


def test_search_finds_arabic_words_in_headline_kicker_and_standfirst(editor, desk):
    assert headlines_listed(editor, "?q=الديربي") == {"الهلال يفوز على النصر في الديربي"}
    assert headlines_listed(editor, "?q=تعاملات الأسبوع") == {"أسعار النفط ترتفع"}
    assert headlines_listed(editor, "?q=برنت") == {"أسعار النفط ترتفع"}
    assert headlines_listed(editor, "?q=كلمة-غير-موجودة") == set()


def test_filters_by_status_section_author_and_breaking(editor, desk):
    assert headlines_listed(editor, "?status__exact=review") == {"ميزانية الأندية تحت المراجعة"}
    assert headlines_listed(editor, f"?section__id__exact={desk['sports'].pk}") == {
        "الهلال يفوز على النصر في الديربي",
        "ميزانية الأندية تحت المراجعة",
    }
    assert headlines_listed(editor, f"?authors__id__exact={desk['reporter'].pk}") == {
        "الهلال يفوز على النصر في الديربي"
    }
    assert headlines_listed(editor, "?is_breaking__exact=1") == {"أسعار النفط ترتفع"}


def test_filters_by_publication_date_in_the_newsroom_time_zone(editor, desk):
    assert headlines_listed(editor, "?published_at__year=2024") == {
        "الهلال يفوز على النصر في الديربي"
    }
    # The date filter's own links carry local midnights, e.g. "2025-01-05 00:00:00+02:00".
    day = datetime(2025, 1, 5, tzinfo=CAIRO)
    assert headlines_listed(editor, day_filter(day)) == {"أسعار النفط ترتفع"}
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert headlines_listed(editor, day_filter(today)) == set()
    assert day_filter(today) in editor.get(CHANGELIST).content.decode().replace("&amp;", "&")


def day_filter(midnight):
    since, until = quote_plus(str(midnight)), quote_plus(str(midnight + timedelta(days=1)))
    return f"?published_at__gte={since}&published_at__lt={until}"


def test_the_list_shows_kicker_section_byline_and_an_arabic_status_label(editor, desk):
    page = editor.get(CHANGELIST).content.decode()

    assert '<bdi class="newsroom-kicker">في ختام تعاملات الأسبوع</bdi>' in page
    assert "ريم الشمري" in page
    assert 'class="newsroom-status newsroom-status-review">قيد المراجعة</span>' in page
    assert 'class="newsroom-status newsroom-status-published">منشور</span>' in page
