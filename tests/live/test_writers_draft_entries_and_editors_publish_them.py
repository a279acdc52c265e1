"""In the live desk (the live blog's page in the newsroom), a writer drafts an entry and an
editor publishes it; a writer cannot publish, pin or change what readers see."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sahafa.live import workflow
from sahafa.live.models import Entry, LiveBlog
from tests.factories import make_article
from tests.newsroom.admin_form import form_fields

from .coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db


def desk(blog):
    return reverse("admin:live_liveblog_change", args=[blog.pk])


def post_entry(client, blog, body, title="", button=None):
    data = form_fields(client.get(desk(blog)), "liveblog_form")
    data.update({"entries-0-title": title, "entries-0-body": body, "_continue": "1"})
    if button:
        data[button] = "1"
    return client.post(desk(blog), data)


def test_a_writer_drafts_an_entry_that_readers_do_not_see(writer, reader):
    blog = make_live_blog()

    response = post_entry(writer, blog, "<p>وصول أولى فرق الإغاثة.</p>", title="الإغاثة")

    assert response.status_code == 302
    entry = Entry.objects.get(live_blog=blog)
    assert (entry.status, entry.created_by) == (Entry.Status.DRAFT, writer.user)
    assert (
        "وصول أولى فرق الإغاثة" not in reader.get(blog.article.get_absolute_url()).content.decode()
    )


def test_a_writer_cannot_publish_an_entry(writer):
    blog = make_live_blog()
    draft = make_entry(blog, by=writer.user, published=False)

    with pytest.raises(PermissionDenied):
        workflow.publish_entry(draft, by=writer.user)
    crafted = post_entry(writer, blog, "<p>نص</p>", button="_live_publish_new")
    pressed = writer.post(
        desk(blog),
        {
            **form_fields(writer.get(desk(blog)), "liveblog_form"),
            "_live_entry": f"publish:{draft.pk}",
        },
    )

    assert (crafted.status_code, pressed.status_code) == (403, 403)
    assert not Entry.objects.published().exists()
    assert Entry.objects.count() == 1  # the crafted POST saved nothing
    # No publishing button is offered to a writer.
    page = writer.get(desk(blog)).content.decode()
    assert "_live_publish_new" not in page and f"publish:{draft.pk}" not in page


def test_an_editor_publishes_a_writers_draft_and_pins_it(writer, editor, reader, announced):
    blog = make_live_blog()
    draft = make_entry(
        blog, "<p>انقطاع الكهرباء عن ثلاثة أحياء.</p>", by=writer.user, published=False
    )
    data = form_fields(editor.get(desk(blog)), "liveblog_form")

    assert (
        editor.post(desk(blog), {**data, "_live_entry": f"publish:{draft.pk}"}).status_code == 302
    )
    draft.refresh_from_db()
    assert draft.status == Entry.Status.PUBLISHED and draft.published_at is not None
    assert ("live", blog.pk) in announced
    data = form_fields(editor.get(desk(blog)), "liveblog_form")
    assert editor.post(desk(blog), {**data, "_live_entry": f"pin:{draft.pk}"}).status_code == 302

    page = reader.get(blog.article.get_absolute_url()).content.decode()
    assert "انقطاع الكهرباء عن ثلاثة أحياء." in page
    assert 'class="live-entry live-entry--pinned"' in page and "عاجل" in page


def test_an_editor_writes_and_publishes_in_one_step(editor, reader):
    blog = make_live_blog()

    response = post_entry(
        editor, blog, "<p>الدفاع المدني يعلن السيطرة على الحريق.</p>", button="_live_publish_new"
    )

    assert response.status_code == 302
    entry = Entry.objects.get(live_blog=blog)
    assert entry.status == Entry.Status.PUBLISHED and entry.created_by == editor.user
    assert "السيطرة على الحريق" in reader.get(blog.article.get_absolute_url()).content.decode()


def test_a_writer_cannot_change_a_published_entry_but_an_editor_can(writer, editor, reader):
    blog = make_live_blog()
    entry = make_entry(blog, "<p>النص المنشور.</p>", by=writer.user)

    data = form_fields(writer.get(desk(blog)), "liveblog_form")
    data.update({"entries-0-body": "<p>تعديل من الكاتب.</p>", "_continue": "1"})
    writer.post(desk(blog), data)
    entry.refresh_from_db()
    assert entry.body == "<p>النص المنشور.</p>"

    data = form_fields(editor.get(desk(blog)), "liveblog_form")
    data.update({"entries-0-body": "<p>تعديل المحرر <script>x()</script></p>", "_continue": "1"})
    editor.post(desk(blog), data)
    entry.refresh_from_db()
    assert entry.body == "<p>تعديل المحرر </p>"  # sanitized with the site's rules
    assert "تعديل المحرر" in reader.get(blog.article.get_absolute_url()).content.decode()


def test_an_editor_deletes_an_entry_and_readers_no_longer_see_it(editor, reader):
    blog = make_live_blog()
    make_entry(blog, "<p>خبر غير دقيق.</p>")
    data = form_fields(editor.get(desk(blog)), "liveblog_form")
    data.update({"entries-0-DELETE": "on", "_continue": "1"})

    assert editor.post(desk(blog), data).status_code == 302

    assert not Entry.objects.exists()
    assert "خبر غير دقيق." not in reader.get(blog.article.get_absolute_url()).content.decode()


def test_an_editor_opens_and_ends_the_coverage_a_writer_cannot(writer, editor, reader):
    article = make_article("الانتخابات البلدية: النتائج أولاً بأول")
    add = reverse("admin:live_liveblog_add")
    assert writer.get(add).status_code == 403

    response = editor.post(add, {"article": article.pk})

    assert response.status_code == 302
    blog = LiveBlog.objects.get(article=article)
    assert blog.is_open
    assert writer.post(desk(blog), {"_live_close": "1"}).status_code == 403
    data = form_fields(editor.get(desk(blog)), "liveblog_form")
    editor.post(desk(blog), {**data, "_live_close": "1"})
    blog.refresh_from_db()
    assert not blog.is_open and blog.closed_at is not None
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "انتهت التغطية المباشرة" in page
    assert "live/live.js" not in page  # nothing asks for updates any more
    history = editor.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "بدء التغطية المباشرة" in history.content.decode()
    assert "انتهاء التغطية المباشرة" in history.content.decode()


def test_an_address_with_an_impossible_id_is_no_server_error(editor):
    for impossible in ("-100000000000000000000", "100000000000000000000"):
        response = editor.get(f"/admin/live/liveblog/{impossible}/history/")
        assert response.status_code == 302  # the admin's "no such live blog" back to the list
    assert editor.get("/live/100000000000000000000/entries").status_code == 404
