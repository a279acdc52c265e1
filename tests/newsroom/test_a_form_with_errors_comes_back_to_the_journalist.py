"""A journalist who sends the article form with a mistake gets it back, with what they
typed and the errors in Arabic, even after emptying the slug as its help text invites."""

import pytest
from django.urls import reverse

from tests.factories import make_article

from .admin_form import form_fields
from .arabic import arabic

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_an_emptied_slug_and_an_emptied_headline_give_the_form_back(editor):
    article = make_article("وزير الخارجية يزور الرياض")
    url = change_url(article)
    data = form_fields(editor.get(url))
    data.update(slug="", headline="", kicker="في زيارة تستغرق يومين", _continue="1")

    response = editor.post(url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert arabic("This field is required.") in page
    assert "في زيارة تستغرق يومين" in page
    # The preview link still leads to the article as stored, not to the unsaved form.
    assert f'href="{article.get_absolute_url()}"' in page
    article.refresh_from_db()
    assert article.headline == "وزير الخارجية يزور الرياض"


def test_an_emptied_slug_and_a_bad_date_give_the_form_back(editor):
    article = make_article("افتتاح معرض الكتاب في جدة")
    url = change_url(article)
    data = form_fields(editor.get(url))
    data.update(
        slug="",
        headline="افتتاح معرض الكتاب في جدة بمشاركة ٣٠ دولة",
        materially_updated_at_0="2025-13-45",
        materially_updated_at_1="10:00",
        _continue="1",
    )

    response = editor.post(url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert arabic("Enter a valid date.") in page
    assert "افتتاح معرض الكتاب في جدة بمشاركة ٣٠ دولة" in page
    article.refresh_from_db()
    assert article.headline == "افتتاح معرض الكتاب في جدة"
