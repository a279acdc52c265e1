"""Comments close a configurable number of days after publication."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sahafa.comments.models import ClosingRule, Comment
from tests.comments.posting import post_comment
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_the_site_default_closes_old_articles(reader, settings):
    settings.SAHAFA_COMMENTS_CLOSE_AFTER_DAYS = 14
    fresh = make_article(published_at=days_ago(13))
    old = make_article(published_at=days_ago(15))

    assert "اترك تعليقاً" in reader.get(fresh.get_absolute_url()).content.decode()
    closed = reader.get(old.get_absolute_url()).content.decode()
    assert "أُغلق باب التعليق على هذا المقال." in closed
    assert 'id="commentform"' not in closed


def test_a_section_rule_and_an_article_rule_override_the_default(reader, settings):
    settings.SAHAFA_COMMENTS_CLOSE_AFTER_DAYS = 30
    sport = make_section("رياضة")
    ClosingRule.objects.create(section=sport, close_after_days=2)
    in_sport = make_article(section=sport, published_at=days_ago(3))
    kept_open = make_article(section=sport, published_at=days_ago(3))
    ClosingRule.objects.create(article=kept_open, close_after_days=None)

    assert "أُغلق باب التعليق" in reader.get(in_sport.get_absolute_url()).content.decode()
    assert 'id="commentform"' in reader.get(kept_open.get_absolute_url()).content.decode()


def test_posting_to_a_closed_article_is_refused_clearly_and_keeps_the_text(reader, settings):
    settings.SAHAFA_COMMENTS_CLOSE_AFTER_DAYS = 0
    article = make_article()

    response = post_comment(reader, article, comment="وصلت متأخراً")

    assert response.status_code == 403
    assert "أُغلق باب التعليق على هذا المقال." in response.content.decode()
    assert "وصلت متأخراً</textarea>" in response.content.decode()
    assert Comment.objects.count() == 0
