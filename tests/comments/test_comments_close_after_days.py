"""Comments close a configurable number of days after publication."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sahafa.comments.models import ClosingRule, Comment
from tests.comments.posting import post_comment
from tests.factories import make_article, make_comment, make_section
from tests.pagecache.wsgi_client import fetch

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


def test_a_moderator_closing_comments_reaches_readers_of_the_stored_page_at_once(moderator):
    article = make_article("نقاش حول أسعار الوقود")
    make_comment(article, body="رأيي أن الأسعار مرتفعة")
    page = article.get_absolute_url()
    fetch(page)
    assert fetch(page).cache == "HIT"

    # The discussion turns nasty: the moderator closes it in the newsroom.
    added = moderator.post(
        reverse("admin:comments_closingrule_add"),
        {"article": article.pk, "close_after_days": 0},
    )

    assert added.status_code == 302
    after = fetch(page)
    assert after.cache != "HIT"
    assert "أُغلق باب التعليق على هذا المقال." in after.body.decode()
    # The thread itself stays readable.
    assert "رأيي أن الأسعار مرتفعة" in after.body.decode()


def test_a_section_rule_removed_reopens_its_articles_on_every_stored_page(moderator, settings):
    settings.SAHAFA_COMMENTS_CLOSE_AFTER_DAYS = None
    sport = make_section("رياضة", slug="sport")
    rule = ClosingRule.objects.create(section=sport, close_after_days=1)
    match = make_article("الهلال يفوز على النصر", section=sport, published_at=days_ago(2))
    page = match.get_absolute_url()
    fetch(page)
    assert "أُغلق باب التعليق" in fetch(page).body.decode()

    deleted = moderator.post(
        reverse("admin:comments_closingrule_delete", args=[rule.pk]), {"post": "yes"}
    )

    assert deleted.status_code == 302
    assert 'id="commentform"' in fetch(page).body.decode()


def test_a_rule_moved_to_another_article_reopens_the_first_on_its_stored_page(moderator, settings):
    settings.SAHAFA_COMMENTS_CLOSE_AFTER_DAYS = None
    culture = make_section("ثقافة")
    calm = make_article("افتتاح معرض الكتاب", section=culture, published_at=days_ago(3))
    for day in range(8):  # the newer stories the heated one's page lists instead of it
        make_article(f"خبر اليوم رقم {day}", published_at=days_ago(2))
    heated = make_article("جدل حول قرار الحكم", section=make_section("رياضة"))
    rule = ClosingRule.objects.create(article=heated, close_after_days=0)
    for story in (heated, calm):
        fetch(story.get_absolute_url())
    stored = fetch(heated.get_absolute_url())
    assert "أُغلق باب التعليق" in stored.body.decode()
    assert f"article-{calm.pk}" not in stored.keys  # only the rule's move can reach it

    # The moderator meant the other story, and corrects the rule in the newsroom.
    changed = moderator.post(
        reverse("admin:comments_closingrule_change", args=[rule.pk]),
        {"article": calm.pk, "close_after_days": 0},
    )

    assert changed.status_code == 302
    assert 'id="commentform"' in fetch(heated.get_absolute_url()).body.decode()
    assert "أُغلق باب التعليق" in fetch(calm.get_absolute_url()).body.decode()
