"""A writer's newsroom holds the writer's own articles — those they created or carry their
byline — and nobody else's drafts."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_author, make_user

from .admin_form import form_fields

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def newsroom(writer):
    colleague = make_user("colleague", "كاتب")
    return {
        "own": make_article("مسودتي عن الطقس", published=False, by=writer.user),
        "bylined": make_article(
            "تحقيق مشترك", published=False, by=colleague, authors=[make_author(user=writer.user)]
        ),
        "colleagues": make_article("مسودة زميلي السرية", published=False, by=colleague),
    }


def test_the_changelist_shows_own_and_bylined_articles_only(writer, newsroom):
    page = writer.get(CHANGELIST).content.decode()

    assert "مسودتي عن الطقس" in page
    assert "تحقيق مشترك" in page
    assert "مسودة زميلي السرية" not in page


def test_a_colleagues_draft_cannot_be_opened_or_changed(writer, editor, newsroom):
    colleagues = newsroom["colleagues"]
    url = reverse("admin:articles_article_change", args=[colleagues.pk])
    data = form_fields(editor.get(url))
    data.update(headline="عبث بمسودة الزميل", _save="1")

    opened = writer.get(url, follow=True)
    posted = writer.post(url, data)

    assert "مسودة زميلي السرية" not in opened.content.decode()
    assert posted.status_code == 302
    colleagues.refresh_from_db()
    assert colleagues.headline == "مسودة زميلي السرية"


def test_a_colleagues_draft_has_no_preview_for_the_writer(writer, newsroom):
    colleagues = newsroom["colleagues"]
    own = newsroom["own"]

    assert writer.get(colleagues.get_absolute_url()).status_code == 404
    preview = writer.get(own.get_absolute_url())
    assert preview.status_code == 200
    assert "مسودتي عن الطقس" in preview.content.decode()


def test_the_writer_edits_own_draft(writer, newsroom):
    own = newsroom["own"]
    url = reverse("admin:articles_article_change", args=[own.pk])
    data = form_fields(writer.get(url))
    data.update(headline="مسودتي عن الطقس في الرياض", _save="1")

    assert writer.post(url, data).status_code == 302
    own.refresh_from_db()
    assert own.headline == "مسودتي عن الطقس في الرياض"
