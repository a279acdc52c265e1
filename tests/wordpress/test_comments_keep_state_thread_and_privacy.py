"""Readers' comments come along with their state (approved, held, spam, trash), their thread
and their time; their emails stay private; pingbacks are left out and said so."""

from datetime import UTC, datetime

import pytest

from sahafa.articles.models import Article
from sahafa.comments.models import Comment, CommentLogEntry

pytestmark = pytest.mark.django_db


def by_name(name):
    return Comment.objects.get(name=name)


def test_comments_keep_their_state_thread_and_time(newsroom_export, import_wordpress):
    report = import_wordpress(newsroom_export)

    derby = Article.objects.get(source_url="https://old.example.org/?p=101")
    assert {c.name: c.status for c in derby.comments.all()} == {
        "أبو خالد": "approved",
        "سعد": "approved",
        "نورة": "approved",
        "قارئ": "pending",
        "cheap-pills": "spam",
        "زائر": "trash",
    }
    # A reply listed before its parent is still threaded under it.
    assert by_name("نورة").parent == by_name("سعد")
    assert by_name("سعد").parent == by_name("أبو خالد")
    assert [by_name(n).depth for n in ("أبو خالد", "سعد", "نورة")] == [1, 2, 3]
    khalid = by_name("أبو خالد")
    assert khalid.created_at == datetime(2019, 5, 3, 19, 0, tzinfo=UTC)
    assert khalid.body == "مبروك للزعيم، أداء رائع."  # text, as comments are
    assert (khalid.email, khalid.url, khalid.ip_address) == (
        "abukhalid@example.org",
        "https://abukhalid.example.org",
        "192.0.2.10",
    )
    # Each comment's verdict is in its history, as for any moderation.
    assert CommentLogEntry.objects.filter(reason="مستورد من ووردبريس").count() == 6
    assert "التعليقات — استُورد: 6" in report
    assert "إشعار تتبّع (pingback): 1" in report


def test_the_old_sites_thread_is_on_the_page_without_emails(
    newsroom_export, import_wordpress, reader
):
    import_wordpress(newsroom_export)
    derby = Article.objects.get(source_url="https://old.example.org/?p=101")

    page = reader.get(derby.get_absolute_url()).content.decode()

    assert "مبروك للزعيم" in page and "وأنا أتفق معك تماماً." in page
    assert "تعليق ينتظر المراجعة." not in page and "بأرخص الأسعار" not in page
    assert "تعليق حذفه المشرف." not in page
    for email in Comment.objects.values_list("email", flat=True):
        assert email not in page
    assert "AbuKhalid@Example.org" not in page
