"""What the model guarantees about an article's content, whoever saves it."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from sahafa.articles.models import Section
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_body_is_sanitized_when_saved():
    article = make_article(
        body=(
            '<p onclick="steal()">نص <script>alert(1)</script>'
            '<a href="javascript:alert(1)">رابط</a> <strong>مهم</strong></p>'
            '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>'
        )
    )
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "onerror" not in article.body
    assert "javascript:" not in article.body
    assert "iframe" not in article.body
    assert "<strong>مهم</strong>" in article.body


def test_slug_keeps_arabic_letters_and_survives_headline_edits():
    article = make_article(headline="رفع العقوبات عن كوريا")
    assert article.slug == "رفع-العقوبات-عن-كوريا"
    article.headline = "عنوان جديد تماماً"
    article.save()
    assert article.slug == "رفع-العقوبات-عن-كوريا"


def test_section_slugs_cannot_shadow_the_sites_own_paths():
    with pytest.raises(ValidationError):
        Section(name="بحث", slug="search").full_clean()
    make_section(slug="sports").full_clean()


def test_summary_is_cut_at_a_word_with_an_ellipsis():
    article = make_article(standfirst="", body="<p>" + "كلمة " * 100 + "</p>")
    summary = article.summary(50)
    assert summary.endswith("…")
    assert all(word == "كلمة" for word in summary.rstrip("…").split())


def test_a_section_with_articles_cannot_be_deleted():
    article = make_article()
    with pytest.raises(ProtectedError):
        Section.objects.filter(pk=article.section_id).delete()
