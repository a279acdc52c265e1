"""Drafts and articles scheduled for later are a 404 for readers; the newsroom sees a
preview with a clear banner that no cache or search engine keeps."""

from datetime import timedelta

from django.utils import timezone

from sahafa.articles import workflow
from tests.factories import make_article

NOT_FOUND_TEXT = "الصفحة غير موجودة"
PREVIEW_TEXT = "معاينة: هذا المقال غير منشور"


def test_a_draft_is_not_found_for_readers(reader):
    draft = make_article("مسودة عن الانتخابات", published=False)

    response = reader.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.content.decode()


def test_an_article_scheduled_for_tomorrow_is_not_found_until_then(reader):
    scheduled = make_article("نتائج الانتخابات", published_at=timezone.now() + timedelta(days=1))

    assert reader.get(scheduled.get_absolute_url()).status_code == 404
    assert reader.get(f"/a/{scheduled.pk}").status_code == 404


def test_a_scheduled_article_goes_live_on_time(reader):
    due = make_article("نتائج الانتخابات", published_at=timezone.now() + timedelta(days=1))
    due.published_at = timezone.now() - timedelta(minutes=1)
    due.save(update_fields=["published_at"])

    response = reader.get(due.get_absolute_url())

    assert response.status_code == 200
    assert PREVIEW_TEXT not in response.content.decode()


def test_an_unpublished_article_disappears(reader, editor):
    article = make_article("خبر سُحب للتصحيح")
    workflow.unpublish(article, by=editor.user)

    assert reader.get(article.get_absolute_url()).status_code == 404


def test_the_editor_previews_a_draft_with_a_banner(editor):
    draft = make_article("مسودة عن الانتخابات", published=False)

    response = editor.get(draft.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert PREVIEW_TEXT in html
    assert "(مسودة)" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_editor_previews_a_scheduled_article(editor):
    scheduled = make_article("نتائج الانتخابات", published_at=timezone.now() + timedelta(days=1))

    response = editor.get(scheduled.get_absolute_url())

    assert response.status_code == 200
    assert "(مجدول)" in response.content.decode()


def test_a_writer_previews_her_own_draft_but_not_a_colleagues(writer):
    own = make_article("مسودتي", published=False, by=writer.user)
    colleagues = make_article("مسودة زميل", published=False)

    assert writer.get(own.get_absolute_url()).status_code == 200
    assert writer.get(colleagues.get_absolute_url()).status_code == 404


def test_a_published_article_shows_no_banner_to_the_editor(editor):
    article = make_article("خبر منشور")

    html = editor.get(article.get_absolute_url()).content.decode()

    assert PREVIEW_TEXT not in html
    assert "noindex" not in html
