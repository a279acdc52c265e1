"""Whatever is pasted into the editor, the stored body keeps only the allow-listed markup."""

import pytest
from django.urls import reverse

from tests.factories import make_article

from .admin_form import form_fields

pytestmark = pytest.mark.django_db


def test_script_and_event_handlers_are_stripped_when_saved_through_the_admin(editor, reader):
    article = make_article("مقال يُلصق فيه نص من موقع آخر")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_fields(editor.get(url))
    data.update(
        body=(
            '<p onclick="steal()">قال الوزير: <strong>«نعم»</strong></p>'
            "<script>alert('xss')</script>"
            '<p><a href="javascript:alert(1)">رابط</a> <a href="https://example.org">مصدر</a></p>'
            '<h2 style="color:red">عنوان فرعي</h2>'
        ),
        _continue="1",
    )

    assert editor.post(url, data).status_code == 302

    article.refresh_from_db()
    assert "<script" not in article.body
    assert "alert" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert "style=" not in article.body
    assert "<strong>«نعم»</strong>" in article.body
    assert '<a href="https://example.org" rel="noopener noreferrer">مصدر</a>' in article.body
    assert "<h2>عنوان فرعي</h2>" in article.body
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "alert('xss')" not in page
    assert "steal()" not in page


def test_a_headline_with_markup_is_shown_as_text_in_the_newsroom(editor):
    make_article('<img src=x onerror="alert(1)"> عنوان')

    page = editor.get(reverse("admin:articles_article_changelist")).content.decode()

    assert '<img src=x onerror="alert(1)">' not in page
    assert "&lt;img src=x onerror=" in page
