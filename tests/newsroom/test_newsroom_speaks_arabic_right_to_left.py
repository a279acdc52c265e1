"""The newsroom is Arabic and right to left: its frame, its labels, its inputs for
mixed-direction headlines, and its links from an article to the site."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sahafa.articles import workflow
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_newsroom_is_arabic_rtl_and_named_after_the_paper(editor):
    page = editor.get(reverse("admin:index")).content.decode()

    assert '<html lang="ar" dir="rtl">' in page
    assert "غرفة الأخبار — صحافة" in page
    assert "مكتب التحرير" in page


def test_the_article_form_labels_are_arabic_and_headlines_are_right_to_left(editor):
    page = editor.get(reverse("admin:articles_article_add")).content.decode()

    for label in ["العنوان", "القسم", "الصورة الرئيسية", "موعد النشر", "انشر الآن", "جدولة النشر"]:
        assert label in page, label
    assert 'name="headline"' in page
    headline_input = page[page.index('name="headline"') - 200 : page.index('name="headline"') + 200]
    assert 'dir="rtl"' in headline_input
    kicker_input = page[page.index('name="kicker"') - 200 : page.index('name="kicker"') + 200]
    assert 'dir="rtl"' in kicker_input
    assert "newsroom/admin.css" in page
    assert "data-django-prose-editor-configurable" in page


def test_a_draft_links_to_its_preview_and_a_public_article_to_the_site(editor, reader):
    draft = make_article("مسودة للمعاينة", published=False)
    live = make_article("خبر على الموقع")

    draft_page = editor.get(reverse("admin:articles_article_change", args=[draft.pk]))
    live_page = editor.get(reverse("admin:articles_article_change", args=[live.pk]))

    assert f'href="{draft.get_absolute_url()}"' in draft_page.content.decode()
    assert "معاينة" in draft_page.content.decode()
    assert f'href="{live.get_absolute_url()}"' in live_page.content.decode()
    assert "مشاهدة على الموقع" in live_page.content.decode()
    # The preview opens for the editor, not for readers.
    assert editor.get(draft.get_absolute_url()).status_code == 200
    assert reader.get(draft.get_absolute_url()).status_code == 404


def test_the_desk_counts_drafts_reviews_and_scheduled_articles(editor, writer):
    make_article("مسودة أولى", published=False)
    for headline in ["مراجعة أولى", "مراجعة ثانية"]:
        workflow.submit(make_article(headline, published=False), by=writer.user)
    for n in range(3):
        make_article(f"مجدول {n}", published_at=timezone.now() + timedelta(days=1))

    page = editor.get(reverse("admin:index")).content.decode()

    assert "مسودة واحدة" in page
    assert "مقالان قيد المراجعة" in page
    assert "3 مقالات مجدولة" in page


def test_a_writers_desk_counts_only_the_writers_own_articles(writer):
    make_article("مسودة لغيره", published=False)
    make_article("مسودتي", published=False, by=writer.user)

    page = writer.get(reverse("admin:index")).content.decode()

    assert "مسودة واحدة" in page


def test_the_rich_text_editor_dialogs_speak_arabic(editor):
    catalogue_url = reverse("admin:newsroom_jsi18n")
    form = editor.get(reverse("admin:articles_article_add")).content.decode()
    catalogue = editor.get(catalogue_url)

    assert f'<script src="{catalogue_url}"></script>' in form
    assert catalogue.status_code == 200
    assert '"Edit Link": "\\u062a\\u062d\\u0631\\u064a\\u0631' in catalogue.content.decode()
