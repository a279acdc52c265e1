"""Every newsroom save keeps the article's text; an editor compares two revisions word by
word, right to left, and restores one as a new revision, without touching its status."""

import re

import pytest
from django.urls import reverse

from sahafa.articles.models import Article
from sahafa.revisions.models import Revision
from tests.factories import make_article
from tests.newsroom.admin_form import form_fields

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def revisions_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def save_in_newsroom(client, article, **changes):
    data = form_fields(client.get(change_url(article)))
    data.update(changes, _save="1")
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_each_save_keeps_a_revision_with_who_and_the_text(editor):
    article = make_article(
        "الحكومة تعلن خطة المسئول الجديدة", body="<p>قال الوزير إن الخطة جاهزة.</p>"
    )

    save_in_newsroom(editor, article, headline="الحكومة تعلن خطة المسؤول الجديدة")
    save_in_newsroom(editor, article, body="<p>قال الوزير إن الخطة الطارئة جاهزة اليوم.</p>")
    save_in_newsroom(editor, article)  # nothing changed: no revision

    revisions = list(article.revisions.order_by("created_at", "id"))
    # The imported text (by nobody), then one per save that changed the text.
    assert [r.author for r in revisions] == [None, editor.user, editor.user]
    assert revisions[0].headline == "الحكومة تعلن خطة المسئول الجديدة"
    assert revisions[1].headline == "الحكومة تعلن خطة المسؤول الجديدة"
    assert "الطارئة" in revisions[2].body
    page = editor.get(revisions_url(article)).content.decode()
    assert page.count('name="a"') == 3
    assert "editor" in page
    changed = re.findall(r"<td>([^<]*)</td>\s*<td>(?:<form|</td>)", page)
    assert changed == ["النص", "العنوان", ""]  # newest first; the oldest changed nothing


def test_two_revisions_side_by_side_mark_inserted_and_deleted_words(editor):
    article = make_article(
        "الحكومة تعلن خطة المسئول", body="<p>قال الوزير إن الخطة جاهزة اليوم.</p>"
    )
    save_in_newsroom(
        editor,
        article,
        headline="الحكومة تعلن خطة المسؤول",
        body="<p>قال الوزير إن الخطة الطارئة جاهزة.</p>",
    )
    old, new = article.revisions.order_by("created_at", "id")

    page = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": new.pk, "b": old.pk}
    ).content.decode()

    old_side = re.findall(r'<td dir="rtl" lang="ar" class="revision-old">(.*?)</td>', page, re.S)
    new_side = re.findall(r'<td dir="rtl" lang="ar" class="revision-new">(.*?)</td>', page, re.S)
    assert len(old_side) == len(new_side) == 4  # kicker, headline, standfirst, body
    headline_old, headline_new = old_side[1], new_side[1]
    # A changed hamza seat is a changed word, though the alignment ignores it.
    assert "<del>المسئول</del>" in headline_old and "<ins>المسؤول</ins>" in headline_new
    assert "<ins>" not in headline_old and "<del>" not in headline_new
    body_old, body_new = old_side[3], new_side[3]
    assert "<ins>الطارئة</ins>" in body_new
    assert "<del>اليوم.</del>" in body_old and "جاهزة." in body_new
    assert "الوزير" in body_old and "<del>الوزير" not in body_old


def test_restoring_saves_the_old_text_as_a_new_revision_and_announces_it(editor, announced):
    article = make_article("عنوان أول صحيح", body="<p>نص أول.</p>")
    save_in_newsroom(editor, article, headline="عنوان ثان فيه خطأ", body="<p>نص ثان.</p>")
    first = article.revisions.order_by("created_at", "id").first()
    announced.clear()

    response = editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, first.pk]), follow=True
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.headline == "عنوان أول صحيح"
    assert article.body == "<p>نص أول.</p>"
    assert article.status == Article.Status.PUBLISHED
    newest = article.revisions.order_by("-created_at", "-id").first()
    assert newest.restored_from == first and newest.author == editor.user
    assert article.revisions.count() == 3
    assert article.log_entries.filter(action="restored", user=editor.user).exists()
    assert announced == [("restored", article.pk)]
    assert "استُعيد نص تلك النسخة." in [str(m) for m in response.context["messages"]]


def test_a_writer_restores_only_own_drafts(writer, editor):
    draft = make_article("مسودتي الأولى", published=False, by=writer.user)
    save_in_newsroom(writer, draft, headline="مسودتي الثانية")
    first = draft.revisions.order_by("created_at", "id").first()
    submitted_elsewhere = make_article("خبر منشور لزميل", by=editor.user)
    save_in_newsroom(editor, submitted_elsewhere, headline="خبر منشور لزميل معدل")
    colleagues_first = submitted_elsewhere.revisions.order_by("created_at", "id").first()

    own = writer.post(reverse("admin:articles_article_restore", args=[draft.pk, first.pk]))
    assert own.status_code == 302
    draft.refresh_from_db()
    assert draft.headline == "مسودتي الأولى"

    # Someone else's article is not in the writer's newsroom at all.
    assert writer.get(revisions_url(submitted_elsewhere)).status_code == 404
    other = writer.post(
        reverse(
            "admin:articles_article_restore", args=[submitted_elsewhere.pk, colleagues_first.pk]
        )
    )
    assert other.status_code == 404
    # Once the draft is with the editors, the writer reads its revisions but restores none.
    save_in_newsroom(writer, draft, _submit_for_review="1")
    page = writer.get(revisions_url(draft)).content.decode()
    assert "مسودتي الثانية" in page
    assert "استعادة هذا النص" not in page
    refused = writer.post(reverse("admin:articles_article_restore", args=[draft.pk, first.pk]))
    assert refused.status_code == 403
    assert Revision.objects.filter(article=draft).count() == 3


def test_an_article_never_saved_in_the_newsroom_has_an_empty_list(editor):
    article = make_article("خبر مستورد لم يعدل بعد")

    page = editor.get(revisions_url(article))

    assert page.status_code == 200
    assert "لا نسخ لهذا المقال بعد" in page.content.decode()
