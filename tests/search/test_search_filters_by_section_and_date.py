"""A reader narrows a search to a section or a range of days."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from sahafa.search.engine import search
from sahafa.search.forms import SearchForm
from tests.factories import make_article, make_section


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def stories(db):
    economy, sports = make_section("اقتصاد"), make_section("رياضة")
    return {
        "budget": make_article(
            headline="ميزانية الهلال لموسم جديد", section=sports, published_at=at(2025, 3, 1)
        ),
        "oil": make_article(
            headline="ميزانية الدولة وأسعار النفط", section=economy, published_at=at(2025, 5, 1)
        ),
        "late": make_article(
            # 23:30 in Cairo on 1 June is still 1 June for the reader.
            headline="ميزانية الأندية تحت المجهر",
            section=sports,
            published_at=at(2025, 6, 1, 23),
        ),
    }


def found(**filters):
    data = {key: value for key, value in filters.items() if value is not None}
    return {
        article.headline for article in search("ميزانية", **SearchForm(data).filters()).articles
    }


def test_section_filter_keeps_only_that_sections_articles(stories):
    economy = stories["oil"].section
    assert found(section=economy.slug) == {stories["oil"].headline}


def test_date_range_includes_both_end_days_in_the_newsrooms_time_zone(stories):
    assert found(**{"from": "2025-05-01", "to": "2025-06-01"}) == {
        stories["oil"].headline,
        stories["late"].headline,
    }
    assert found(**{"to": "2025-03-01"}) == {stories["budget"].headline}


def test_section_and_dates_combine(stories):
    sports = stories["budget"].section
    assert found(section=sports.slug, **{"from": "2025-04-01"}) == {stories["late"].headline}


def test_invalid_filters_are_reported_in_arabic_and_dropped(stories):
    form = SearchForm({"section": "no-such-section", "from": "2025-13-45"})
    filters = form.filters()
    assert filters["section"] is None and filters["date_from"] is None
    assert "لا يوجد قسم بهذا الاسم." in form.errors["section"]
    assert form.errors["from"]


def test_a_start_after_the_end_is_an_error_not_an_empty_page(stories):
    form = SearchForm({"from": "2025-06-01", "to": "2025-01-01"})
    assert form.filters()["date_to"] is None
    assert "يجب ألا يكون تاريخ البداية بعد تاريخ النهاية." in form.errors["to"]


def test_far_away_dates_are_clamped_instead_of_overflowing(stories):
    assert found(**{"from": "0001-01-01", "to": "9999-12-31"}) == {
        story.headline for story in stories.values()
    }
    assert SearchForm({"from": "0001-01-01"}).filters()["date_from"].date() == date(1900, 1, 1)


def test_the_results_page_offers_every_section_and_keeps_the_readers_choice(stories, reader):
    economy = stories["oil"].section
    page = reader.get("/search/", {"q": "ميزانية"}).content.decode()
    assert f'<option value="{economy.slug}">{economy.name}</option>' in page

    # The unfiltered form is kept between searches; a new section is announced.
    make_section("ثقافة", slug="culture")
    page = reader.get("/search/", {"q": "ميزانية"}).content.decode()
    assert '<option value="culture">ثقافة</option>' in page

    chosen = reader.get("/search/", {"q": "ميزانية", "section": economy.slug}).content.decode()
    assert f'<option value="{economy.slug}" selected>{economy.name}</option>' in chosen
    assert chosen.count('class="card search-result"') == 1
