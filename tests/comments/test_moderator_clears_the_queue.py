"""A moderator clears a queue of 500 held comments in a few clicks in the admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from sahafa.comments.models import BlockedSender, Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


def hold(article, count):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"قارئ {n}",
            email=f"reader{n}@example.com",
            body=f"تعليق رقم {n}",
            fingerprint=str(n),
            status=Comment.Status.PENDING,
            reason="معلّق جديد",
        )
        for n in range(count)
    )


def test_the_queue_shows_counts_per_status_and_the_reason(moderator):
    article = make_article()
    hold(article, 3)
    make_comment(article, status="spam", reason="عبارة محظورة «مجاني»")

    html = moderator.get(QUEUE).content.decode()

    assert "بانتظار المراجعة (3)" in html
    assert "مزعج (1)" in html
    assert "موافق عليه (0)" in html
    assert "عبارة محظورة «مجاني»" in html
    assert article.get_absolute_url() in html


def test_five_hundred_held_comments_are_approved_with_one_action(moderator, reader):
    article = make_article()
    hold(article, 500)

    # Filter to the queue, tick "select all 500", choose the action: one POST.
    response = moderator.post(
        f"{QUEUE}?status=pending",
        {
            "action": "approve",
            "select_across": "1",
            "index": "0",
            ACTION_CHECKBOX_NAME: [str(Comment.objects.first().pk)],
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "تمت الموافقة على 500 تعليق." in response.content.decode()
    assert Comment.objects.pending().count() == 0
    assert Comment.objects.filter(log_entries__status="approved").distinct().count() == 500
    assert "500 تعليق" in reader.get(article.get_absolute_url()).content.decode()


def test_spam_and_trash_actions_work_in_bulk(moderator):
    article = make_article()
    first, second = make_comment(article, status="pending"), make_comment(article)

    moderator.post(QUEUE, {"action": "mark_spam", ACTION_CHECKBOX_NAME: [first.pk]})
    moderator.post(QUEUE, {"action": "trash", ACTION_CHECKBOX_NAME: [second.pk]})

    assert Comment.objects.get(pk=first.pk).status == "spam"
    assert Comment.objects.get(pk=second.pk).status == "trash"


def test_this_sender_is_a_spammer_in_one_action(moderator):
    article = make_article()
    spam = make_comment(article, email="bot@spam.example", ip_address="192.0.2.50")
    make_comment(article, email="bot@spam.example", status="pending")

    moderator.post(QUEUE, {"action": "block_sender", ACTION_CHECKBOX_NAME: [spam.pk]})

    assert set(BlockedSender.objects.values_list("kind", "value")) == {
        ("email", "bot@spam.example"),
        ("ip", "192.0.2.50"),
    }
    assert Comment.objects.filter(status="spam").count() == 2


def test_status_cannot_be_edited_by_hand(moderator):
    comment = make_comment(make_article(), status="pending")

    html = moderator.get(reverse("admin:comments_comment_change", args=[comment.pk])).content
    assert b'name="status"' not in html


def test_a_writer_has_no_access_to_the_queue(writer):
    assert writer.get(QUEUE).status_code == 403
