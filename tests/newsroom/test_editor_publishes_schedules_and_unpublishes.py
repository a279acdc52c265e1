"""The editor's side of the desk: publish now, schedule, unpublish, return, archive —
each a button under the form that saves the edits first and then calls the verb."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article
from tests.factories import make_article

from .admin_form import form_fields
from .arabic import arabic

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def press(client, article, button, **changes):
    data = form_fields(client.get(change_url(article)))
    data.update(changes)
    data[button] = "1"
    return client.post(change_url(article), data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def submitted(writer):
    article = make_article("وزير المالية يعلن ميزانية 2025", published=False, by=writer.user)
    workflow.submit(article, by=writer.user)
    return article


def test_the_editor_fixes_the_headline_and_publishes_in_one_step(
    editor, reader, submitted, announced
):
    response = press(editor, submitted, "_publish", headline="وزير المالية يعلن ميزانية 2026")

    assert response.status_code == 200
    assert "نُشر المقال." in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.headline == "وزير المالية يعلن ميزانية 2026"
    assert submitted.status == Article.Status.PUBLISHED
    assert submitted.log_entries.first().user == editor.user
    assert announced == [("published", submitted.pk)]
    assert reader.get(submitted.get_absolute_url()).status_code == 200


def test_a_scheduled_article_stays_hidden_until_its_time(editor, reader, submitted, announced):
    at = timezone.localtime() + timedelta(hours=3)

    response = press(
        editor,
        submitted,
        "_schedule",
        publish_at_0=at.strftime("%Y-%m-%d"),
        publish_at_1=at.strftime("%H:%M:%S"),
    )

    assert response.status_code == 200
    assert any(message.startswith("جُدول نشر المقال") for message in messages_of(response))
    submitted.refresh_from_db()
    assert submitted.status == Article.Status.SCHEDULED
    assert submitted.published_at == at.replace(microsecond=0)
    assert announced == [("scheduled", submitted.pk)]
    assert reader.get(submitted.get_absolute_url()).status_code == 404
    assert not Article.objects.published().filter(pk=submitted.pk).exists()
    later = at + timedelta(minutes=1)
    assert Article.objects.published(at=later).filter(pk=submitted.pk).exists()


def test_scheduling_in_the_past_is_refused_with_an_arabic_error(editor, submitted, announced):
    an_hour_ago = timezone.localtime() - timedelta(hours=1)

    response = press(
        editor,
        submitted,
        "_schedule",
        headline="عنوان معدل مع الجدولة",
        publish_at_0=an_hour_ago.strftime("%Y-%m-%d"),
        publish_at_1=an_hour_ago.strftime("%H:%M"),
    )

    assert response.status_code == 200
    assert "اختر وقتاً في المستقبل لجدولة نشر المقال." in response.content.decode()
    # The editor's typing is still in the form, and nothing was saved.
    assert "عنوان معدل مع الجدولة" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Article.Status.REVIEW
    assert submitted.headline == "وزير المالية يعلن ميزانية 2025"
    assert announced == []


def test_unpublishing_takes_the_article_off_the_site(editor, reader, announced):
    article = make_article("خبر فيه خطأ جوهري")
    assert reader.get(article.get_absolute_url()).status_code == 200
    announced.clear()

    response = press(editor, article, "_unpublish")

    assert "سُحب المقال من الموقع وعاد مسودة." in messages_of(response)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert announced == [("unpublished", article.pk)]
    assert reader.get(article.get_absolute_url()).status_code == 404


def test_the_editor_returns_an_article_to_its_writer(editor, writer, submitted, announced):
    press(editor, submitted, "_return_to_writer")

    submitted.refresh_from_db()
    assert submitted.status == Article.Status.DRAFT
    assert announced == [("returned", submitted.pk)]
    # It is the writer's to edit again.
    assert 'name="headline"' in writer.get(change_url(submitted)).content.decode()


def test_a_refused_verb_is_reported_in_arabic_and_the_edit_is_kept(editor, announced):
    article = make_article("مقال مؤرشف")
    workflow.archive(article, by=editor.user)
    announced.clear()

    data = form_fields(editor.get(change_url(article)))
    data.update(headline="مقال مؤرشف بعنوان أدق", _archive="1")
    response = editor.post(change_url(article), data, follow=True)

    assert arabic("This article is already archived.") in messages_of(response)
    article.refresh_from_db()
    assert article.headline == "مقال مؤرشف بعنوان أدق"
    assert article.status == Article.Status.ARCHIVED
    assert announced == []


def test_the_history_of_the_article_is_on_its_page(editor, submitted):
    press(editor, submitted, "_publish")

    page = editor.get(change_url(submitted)).content.decode()

    assert "أُرسل للمراجعة" in page
    assert "نُشر" in page
    assert "writer" in page and "editor" in page


def test_an_imported_draft_says_in_arabic_that_it_was_created(editor):
    draft = make_article("مسودة من خلاصة وكالة", published=False)
    workflow.file_imported([draft], Article.Status.DRAFT, note="واس")

    page = editor.get(change_url(draft)).content.decode()

    assert "أُنشئ" in page


def test_the_buttons_follow_the_article_status(editor, submitted):
    in_review = editor.get(change_url(submitted)).content.decode()
    for button in ["_publish", "_schedule", "_return_to_writer", "_archive"]:
        assert f'name="{button}"' in in_review
    assert 'name="_unpublish"' not in in_review
    assert 'name="_submit_for_review"' not in in_review

    workflow.publish(submitted, by=editor.user)
    published = editor.get(change_url(submitted)).content.decode()
    assert 'name="_unpublish"' in published
    assert 'name="_publish"' not in published
    assert 'name="_return_to_writer"' not in published


def test_even_an_editor_cannot_set_the_status_or_time_through_the_form(
    editor, submitted, announced
):
    data = form_fields(editor.get(change_url(submitted)))
    data.update(status="published", published_at="2020-01-01 10:00", _save="1")

    assert editor.post(change_url(submitted), data).status_code == 302

    submitted.refresh_from_db()
    assert submitted.status == Article.Status.REVIEW
    assert submitted.published_at is None
    assert announced == []
