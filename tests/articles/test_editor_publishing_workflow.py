"""An article's life in the newsroom, told through the workflow verbs."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article
from sahafa.newsroom import roles
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_writer_submits_a_draft_and_the_editor_publishes_it(announced):
    writer = make_user(group=roles.WRITER)
    editor = make_user(group=roles.EDITOR)
    article = make_article(published=False, by=writer)

    workflow.submit(article, by=writer)
    assert article.status == Article.Status.REVIEW
    assert not Article.objects.published().filter(pk=article.pk).exists()

    workflow.publish(article, by=editor)
    assert article.status == Article.Status.PUBLISHED
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert announced == [("submitted", article.pk), ("published", article.pk)]
    assert [entry.action for entry in article.log_entries.order_by("at", "id")] == [
        "submitted",
        "published",
    ]
    assert article.log_entries.get(action="published").user == editor


def test_writer_cannot_publish_or_unpublish(announced):
    writer = make_user(group=roles.WRITER)
    article = make_article(published=False, by=writer)

    with pytest.raises(PermissionDenied):
        workflow.publish(article, by=writer)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert announced == []

    live = make_article()
    with pytest.raises(PermissionDenied):
        workflow.unpublish(live, by=writer)
    assert Article.objects.published().filter(pk=live.pk).exists()


def test_a_scheduled_article_goes_live_at_its_time_with_no_job():
    editor = make_user(group=roles.EDITOR)
    article = make_article(published=False)
    in_two_hours = timezone.now() + timedelta(hours=2)

    workflow.publish(article, by=editor, at=in_two_hours)

    assert article.status == Article.Status.SCHEDULED
    assert article.log_entries.get().action == "scheduled"
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert Article.objects.scheduled().filter(pk=article.pk).exists()
    later = in_two_hours + timedelta(seconds=1)
    assert Article.objects.published(at=later).filter(pk=article.pk).exists()


def test_unpublishing_takes_the_article_off_the_site_and_republishing_keeps_its_date():
    editor = make_user(group=roles.EDITOR)
    first_published = timezone.now() - timedelta(days=3)
    article = make_article(published_at=first_published)

    workflow.unpublish(article, by=editor, note="تصحيح خطأ في الاسم")
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.log_entries.filter(action="unpublished", note="تصحيح خطأ في الاسم").exists()

    workflow.publish(article, by=editor)
    assert article.published_at == first_published


def test_verbs_refuse_changes_that_make_no_sense():
    editor = make_user(group=roles.EDITOR)
    published = make_article()
    with pytest.raises(ValidationError):
        workflow.submit(published, by=editor)
    with pytest.raises(ValidationError):
        workflow.publish(published, by=editor)
    draft = make_article(published=False)
    with pytest.raises(ValidationError):
        workflow.unpublish(draft, by=editor)
    with pytest.raises(ValidationError):
        workflow.return_to_writer(draft, by=editor)


def test_editor_returns_a_submitted_article_to_its_writer(announced):
    writer = make_user(group=roles.WRITER)
    editor = make_user(group=roles.EDITOR)
    article = make_article(published=False, by=writer)
    workflow.submit(article, by=writer)

    workflow.return_to_writer(article, by=editor, note="يحتاج إلى مصدر ثانٍ")

    assert article.status == Article.Status.DRAFT
    assert announced[-1] == ("returned", article.pk)


def test_archived_articles_leave_the_site():
    editor = make_user(group=roles.EDITOR)
    article = make_article()
    workflow.archive(article, by=editor)
    assert article.status == Article.Status.ARCHIVED
    assert not Article.objects.published().filter(pk=article.pk).exists()
