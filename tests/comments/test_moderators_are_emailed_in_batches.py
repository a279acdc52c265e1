"""Editors hear about held comments by email, once per batch, never once per comment."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from sahafa.comments.models import Comment
from sahafa.comments.notify import WINDOW_KEY
from sahafa.newsroom import roles
from tests.comments.posting import post_comment
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    make_user("editor_mail", roles.EDITOR, email="editor@sahafa.example")
    make_user("moderator_mail", roles.COMMENT_MODERATOR, email="mod@sahafa.example")
    make_user("writer_mail", roles.WRITER, email="writer@sahafa.example")


def held_storm(reader, capture_on_commit, count):
    """`count` new readers comment on one article, each request committing on its own."""
    article = make_article()
    for n in range(count):
        with capture_on_commit(execute=True):
            post_comment(
                reader,
                article,
                ip=f"198.51.100.{n}",
                email=f"r{n}@example.com",
                comment=f"رأي رقم {n}",
            )


def test_a_storm_of_held_comments_sends_one_email(
    reader, newsroom, django_capture_on_commit_callbacks
):
    held_storm(reader, django_capture_on_commit_callbacks, 30)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["editor@sahafa.example", "mod@sahafa.example"]
    assert "تعليق واحد بانتظار المراجعة" in message.subject
    assert "r0@example.com" not in message.body


def test_comments_held_during_the_window_go_out_with_the_next_email(
    reader, newsroom, django_capture_on_commit_callbacks
):
    held_storm(reader, django_capture_on_commit_callbacks, 5)
    assert len(mail.outbox) == 1

    call_command("notify_held_comments")  # cron, or the next comment after the window
    assert len(mail.outbox) == 2
    assert "4 تعليقات بانتظار المراجعة" in mail.outbox[1].subject
    assert Comment.objects.filter(notified_at__isnull=True).count() == 0

    cache.delete(WINDOW_KEY)
    call_command("notify_held_comments")
    assert len(mail.outbox) == 2  # nothing new to announce


def test_approved_comments_send_no_email(reader, newsroom, django_capture_on_commit_callbacks):
    from tests.factories import make_comment

    make_comment(make_article(), email="known@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(reader, make_article(), email="known@example.com")

    assert mail.outbox == []


class MailServerDown(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_mail_server_that_is_down_loses_no_comment(
    reader, newsroom, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    article = make_article()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(reader, article)

    assert response.status_code == 302
    assert Comment.objects.get().notified_at is None  # still to be announced
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("notify_held_comments")
    assert len(mail.outbox) == 1
