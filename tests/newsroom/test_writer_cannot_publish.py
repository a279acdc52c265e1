"""A writer's work ends at «إرسال للمراجعة». Whatever the writer posts, only an editor's
action makes an article public."""

import pytest
from django.urls import reverse

from sahafa.articles.models import Article
from tests.factories import make_article

from .admin_form import form_fields

pytestmark = pytest.mark.django_db

PUBLISHING_BUTTONS = ["_publish", "_schedule", "_unpublish", "_archive", "_return_to_writer"]


@pytest.fixture
def writers_draft(writer):
    return make_article("مسودة الكاتب عن قمة G20", published=False, by=writer.user)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_writer_sees_no_publishing_controls(writer, writers_draft):
    page = writer.get(change_url(writers_draft))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_submit_for_review"' in html
    for button in PUBLISHING_BUTTONS:
        assert f'name="{button}"' not in html
    assert 'name="publish_at_0"' not in html

    changelist = writer.get(reverse("admin:articles_article_changelist")).content.decode()
    for action in ["publish_selected", "unpublish_selected", "archive_selected"]:
        assert f'value="{action}"' not in changelist


@pytest.mark.parametrize("button", PUBLISHING_BUTTONS)
def test_a_crafted_publishing_post_is_refused_and_changes_nothing(
    writer, writers_draft, announced, button
):
    data = form_fields(writer.get(change_url(writers_draft)))
    data["headline"] = "عنوان جديد لم يكن ينبغي حفظه"
    data[button] = "1"

    response = writer.post(change_url(writers_draft), data)

    assert response.status_code == 403
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT
    assert writers_draft.headline == "مسودة الكاتب عن قمة G20"
    assert writers_draft.published_at is None
    assert not Article.objects.published().filter(pk=writers_draft.pk).exists()
    assert not writers_draft.log_entries.exists()
    assert announced == []


def test_publishing_a_new_article_in_one_crafted_post_creates_nothing(
    writer, writers_draft, announced
):
    data = form_fields(writer.get(reverse("admin:articles_article_add")))
    data.update(headline="خبر عاجل ينشره الكاتب بنفسه", section=str(writers_draft.section_id))
    data["_publish"] = "1"

    response = writer.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 403
    assert not Article.objects.filter(headline="خبر عاجل ينشره الكاتب بنفسه").exists()
    assert announced == []


def test_a_crafted_bulk_publish_changes_nothing(writer, writers_draft, announced):
    response = writer.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [str(writers_draft.pk)]},
    )

    assert response.status_code in {200, 302}
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT
    assert announced == []


def test_a_status_smuggled_into_the_form_is_ignored(writer, writers_draft, announced):
    data = form_fields(writer.get(change_url(writers_draft)))
    data.update(status="published", published_at="2020-01-01 10:00", _save="1")

    response = writer.post(change_url(writers_draft), data)

    assert response.status_code == 302
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT
    assert writers_draft.published_at is None
    assert announced == []


def test_the_writer_cannot_edit_or_delete_a_published_article(writer, announced):
    article = make_article("خبر منشور كتبه الكاتب", by=writer.user)
    data = form_fields(writer.get(change_url(article)))

    page = writer.get(change_url(article)).content.decode()
    assert 'name="headline"' not in page  # a read-only view
    data.update(headline="تعديل بعد النشر", _save="1")
    assert writer.post(change_url(article), data).status_code == 403
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert writer.post(delete_url, {"post": "yes"}).status_code == 403

    article.refresh_from_db()
    assert article.headline == "خبر منشور كتبه الكاتب"
    assert Article.objects.published().filter(pk=article.pk).exists()
