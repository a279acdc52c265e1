"""Listings show how many approved comments each story has, without a query per card."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sahafa.comments import workflow
from tests.factories import make_article, make_comment, make_section

pytestmark = pytest.mark.django_db


def test_cards_show_approved_comment_counts(reader):
    section = make_section("اقتصاد", slug="economy")
    busy = make_article("خبر يكثر فيه النقاش", section=section)
    for _ in range(3):
        make_comment(busy)
    make_comment(busy, status="pending")
    make_article("خبر هادئ", section=section)

    html = reader.get(section.get_absolute_url()).content.decode()

    assert f'href="{busy.get_absolute_url()}#comments">3 تعليقات</a>' in html
    assert html.count('class="card-comments"') == 1


def test_the_count_changes_as_soon_as_a_comment_is_approved(reader, moderator):
    section = make_section("ثقافة", slug="culture")
    article = make_article(section=section)
    held = make_comment(article, status="pending")
    assert "card-comments" not in reader.get(section.get_absolute_url()).content.decode()

    workflow.approve(held, moderator.user)

    assert "تعليق واحد</a>" in reader.get(section.get_absolute_url()).content.decode()


def queries_for_listing(reader, url):
    with CaptureQueriesContext(connection) as captured:
        assert reader.get(url).status_code == 200
    return len(captured)


def test_more_cards_with_comments_cost_no_more_queries(reader):
    section = make_section("محليات", slug="local")
    first = make_article(section=section)
    make_comment(first)
    baseline = queries_for_listing(reader, section.get_absolute_url())

    for n in range(5):
        article = make_article(f"خبر محلي {n}", section=section)
        make_comment(article)
        make_comment(article)

    assert queries_for_listing(reader, section.get_absolute_url()) == baseline
