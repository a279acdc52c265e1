"""Each moderation verb saves, writes its verdict and reason, sends one signal, and the
article page changes for readers at once."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sahafa.comments import signals, workflow
from sahafa.comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

VERBS = [
    (workflow.approve, "pending", "approved", signals.comment_approved),
    (workflow.unapprove, "approved", "pending", signals.comment_unapproved),
    (workflow.mark_spam, "pending", "spam", signals.comment_marked_spam),
    (workflow.trash, "approved", "trash", signals.comment_trashed),
]


@pytest.fixture
def sent():
    """Every comment signal sent during the test, as (signal, comment, by)."""
    received = []

    def listen(signal, sender, comment, by, **kwargs):
        received.append((signal, comment, by))

    for signal in signals.VERDICT_SIGNALS:
        signal.connect(listen)
    yield received
    for signal in signals.VERDICT_SIGNALS:
        signal.disconnect(listen)


@pytest.mark.parametrize(("verb", "before", "after", "signal"), VERBS)
def test_a_verb_saves_logs_and_sends_one_signal(moderator, sent, verb, before, after, signal):
    comment = make_comment(make_article(), status=before)

    verb(comment, moderator.user, "سبب المشرف")

    comment.refresh_from_db()
    assert comment.status == after
    assert comment.reason == "سبب المشرف"
    assert comment.moderated_by == moderator.user
    entry = comment.log_entries.get()
    assert (entry.status, entry.reason, entry.user) == (after, "سبب المشرف", moderator.user)
    assert sent == [(signal, comment, moderator.user)]


def test_a_writer_cannot_moderate(writer):
    comment = make_comment(make_article(), status="pending")

    with pytest.raises(PermissionDenied):
        workflow.approve(comment, writer.user)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_editors_may_moderate_too(editor):
    comment = make_comment(make_article(), status="pending")

    workflow.approve(comment, editor.user)

    assert comment.status == Comment.Status.APPROVED


def test_approving_twice_or_unapproving_a_held_comment_is_refused(moderator):
    approved = make_comment(make_article())
    held = make_comment(make_article(), status="pending")

    with pytest.raises(ValidationError):
        workflow.approve(approved, moderator.user)
    with pytest.raises(ValidationError):
        workflow.unapprove(held, moderator.user)


def test_the_page_and_count_follow_every_verdict_at_once(reader, moderator):
    article = make_article()
    make_comment(article, body="تعليق قديم")
    comment = make_comment(article, body="تعليق محل المراجعة", status="pending")

    def page():
        return reader.get(article.get_absolute_url()).content.decode()

    assert "تعليق محل المراجعة" not in page()  # also warms the thread cache
    workflow.approve(comment, moderator.user)
    assert "تعليق محل المراجعة" in page()
    assert "تعليقان" in page()
    workflow.unapprove(comment, moderator.user)
    assert "تعليق محل المراجعة" not in page()
    workflow.approve(comment, moderator.user)
    workflow.trash(comment, moderator.user)
    assert "تعليق محل المراجعة" not in page()
    workflow.approve(comment, moderator.user)
    comment.delete()
    assert "تعليق محل المراجعة" not in page()
    assert "تعليق واحد" in page()


def test_blocking_a_sender_blocks_email_and_ip_and_spams_their_comments(moderator):
    article = make_article()
    spammer = make_comment(article, email="bot@spam.example", ip_address="192.0.2.50")
    make_comment(article, email="other@spam.example", ip_address="192.0.2.50", status="pending")
    innocent = make_comment(article, email="reader@example.com", ip_address="192.0.2.1")

    marked = workflow.block_sender(spammer, moderator.user)

    assert len(marked) == 2
    assert Comment.objects.filter(status="spam").count() == 2
    innocent.refresh_from_db()
    assert innocent.status == Comment.Status.APPROVED
