"""«الأكثر قراءة» for the last 24 hours and 7 days, for the site and each section: stories
ordered by their views inside the window; older views and unpublished stories drop out."""

import pytest

from sahafa.articles import workflow
from sahafa.mostread import lists
from tests.factories import make_article, make_section

from .readers import views_hours_ago

pytestmark = pytest.mark.django_db


def ranked(window, section=None):
    return [pk for pk, _views in lists.most_read(window, section.pk if section else None)]


@pytest.fixture
def newsroom_week():
    sports = make_section("رياضة", slug="sports")
    economy = make_section("اقتصاد", slug="economy")
    final = make_article("الهلال يتوج بكأس الملك", section=sports)
    oil = make_article("أسعار النفط تتراجع", section=economy)
    budget = make_article("الميزانية تسجل فائضا", section=economy)
    transfer = make_article("النصر يتعاقد مع مهاجم جديد", section=sports)
    # Today: the final leads, then oil; the budget was big five days ago; the transfer
    # was huge, but nine days ago.
    views_hours_ago(final, 0, 40)
    views_hours_ago(final, 5, 30)
    views_hours_ago(oil, 2, 50)
    views_hours_ago(budget, 23, 10)
    views_hours_ago(budget, 24, 500)
    views_hours_ago(budget, 5 * 24, 200)
    views_hours_ago(transfer, 9 * 24, 5000)
    lists.refresh()
    return sports, economy, final, oil, budget, transfer


def test_the_site_lists_order_stories_by_views_in_their_window(newsroom_week):
    _sports, _economy, final, oil, budget, transfer = newsroom_week

    assert ranked("24h") == [final.pk, oil.pk, budget.pk]
    assert ranked("7d") == [budget.pk, final.pk, oil.pk]
    assert transfer.pk not in ranked("7d")
    assert dict(lists.most_read("7d"))[budget.pk] == 710


def test_each_section_has_its_own_lists(newsroom_week):
    sports, economy, final, oil, budget, _transfer = newsroom_week

    assert ranked("24h", sports) == [final.pk]
    assert ranked("24h", economy) == [oil.pk, budget.pk]
    assert ranked("7d", economy) == [budget.pk, oil.pk]


def test_an_unpublished_story_leaves_the_lists(newsroom_week):
    _sports, economy, final, oil, budget, _transfer = newsroom_week

    workflow.unpublish(oil, by=None)
    changed = lists.refresh()

    assert changed is True
    assert ranked("24h") == [final.pk, budget.pk]
    assert ranked("24h", economy) == [budget.pk]


def test_the_lists_keep_at_most_ten_stories():
    section = make_section("محليات", slug="local")
    stories = [make_article(f"خبر محلي رقم {n}", section=section) for n in range(12)]
    for n, story in enumerate(stories):
        views_hours_ago(story, 1, 100 + n)
    lists.refresh()

    assert ranked("24h") == [story.pk for story in reversed(stories)][:10]
