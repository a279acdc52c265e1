"""Editors and comment moderators are emailed about held comments, in batches: at most one
email per SAHAFA_COMMENTS_NOTIFY_EVERY seconds, however many comments arrive. Comments held
inside a window go out with the next email, sent by the next held comment after the window
or by `sahafa notify-held-comments` (run it from cron to flush a quiet night's stragglers)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sahafa.arabic import excerpt
from sahafa.background.retries import retried_task
from sahafa.newsroom import roles

from .conf import comments_setting
from .models import Comment

logger = logging.getLogger(__name__)

WINDOW_KEY = "comments:notify:window"
LISTED_IN_EMAIL = 20


def moderator_emails():
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=[roles.EDITOR, roles.COMMENT_MODERATOR]
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def send_held_digest():
    """Email the moderators about every held comment not yet announced; returns how many.
    The comments are marked announced only once the email went out."""
    held = list(
        Comment.objects.pending()
        .filter(notified_at__isnull=True)
        .select_related("article")
        .order_by("created_at", "id")
    )
    if not held:
        return 0
    recipients = moderator_emails()
    if recipients:
        count = len(held)
        subject = ngettext(
            "%(count)d comment is waiting for moderation",
            "%(count)d comments are waiting for moderation",
            count,
        ) % {"count": count}
        # Names and excerpts only: the mail is read on phones and forwarded.
        lines = [
            f"- {comment.article.headline} — {comment.name}: {excerpt(comment.body, 120)}"
            for comment in held[:LISTED_IN_EMAIL]
        ]
        if count > LISTED_IN_EMAIL:
            lines.append(_("…and %(more)d more.") % {"more": count - LISTED_IN_EMAIL})
        queue = settings.SAHAFA_BASE_URL + reverse("admin:comments_comment_changelist")
        lines += ["", _("Moderation queue: %(url)s") % {"url": f"{queue}?status=pending"}]
        send_mail(subject, "\n".join(lines), None, recipients)
    Comment.objects.filter(pk__in=[comment.pk for comment in held]).update(
        notified_at=timezone.now()
    )
    logger.info("held-comments email: %d comments, %d recipients", len(held), len(recipients))
    return len(held)


def on_comment_posted(sender, comment, **kwargs):
    """A held comment starts a window: the first one in it has the email sent, by a task,
    off the reader's request; the rest wait for the next window or the cron command."""
    window = comments_setting("SAHAFA_COMMENTS_NOTIFY_EVERY")
    if comment.status == Comment.Status.PENDING and cache.add(WINDOW_KEY, 1, timeout=window):
        email_held_comments.enqueue()


@retried_task
def email_held_comments():
    """The window's email, as a task: a mail server that is down fails the attempt, which
    is retried; the reader's comment is already saved. `sahafa notify-held-comments` from
    cron is the safety net."""
    send_held_digest()
