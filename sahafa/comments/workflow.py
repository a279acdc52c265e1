"""The verbs of moderation. Every change of a comment's status goes through one of these
functions: it checks who may do it, saves and writes the verdict with its reason in one
transaction, and sends one signal once that has committed. The admin and views never set
`status` themselves."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import signals, spam, threads
from .models import BlockedSender, Comment, CommentLogEntry, text_fingerprint

logger = logging.getLogger(__name__)


def can_moderate(user):
    return user is None or user.has_perm("comments.moderate_comment")


def _require_moderator(by):
    if not can_moderate(by):
        raise PermissionDenied(_("Only comment moderators and editors can moderate comments."))


def _log(comment, by):
    CommentLogEntry.objects.create(
        comment=comment, status=comment.status, reason=comment.reason, user=by
    )
    # Never the email or IP address: ids, the verdict and the rule that gave it.
    logger.info(
        "comment %s on article %s: %s (%s)",
        comment.pk,
        comment.article_id,
        comment.status,
        comment.reason,
    )


def _record(comment, status, by, reason, signal):
    if comment.status == status:
        raise ValidationError(
            _("This comment is already %(status)s.") % {"status": comment.get_status_display()}
        )
    with transaction.atomic():
        comment.status = status
        comment.reason = reason
        comment.moderated_at = timezone.now()
        comment.moderated_by = by
        comment.save(update_fields=["status", "reason", "moderated_at", "moderated_by"])
        _log(comment, by)
        _announce(signal, comment, by)
    return comment


def _announce(signal, comment, by):
    # After the commit: a reader request between a delete of the cached thread and the
    # commit would otherwise cache the old thread again.
    transaction.on_commit(lambda: signal.send(sender=Comment, comment=comment, by=by), robust=True)


def post(submission, parent=None):
    """A reader's comment: the spam pipeline gives the verdict, stored with its reason."""
    verdict = spam.judge(submission)
    with transaction.atomic():
        comment = Comment.objects.create(
            article=submission.article,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            name=submission.name,
            email=submission.email,
            url=submission.url,
            body=submission.body,
            ip_address=submission.ip,
            user_agent=submission.user_agent[:300],
            status=verdict.status,
            reason=verdict.reason,
        )
        _log(comment, None)
        _announce(signals.comment_posted, comment, None)
    return comment


def approve(comment, by, reason=""):
    _require_moderator(by)
    return _record(
        comment, Comment.Status.APPROVED, by, reason or _("Approved"), signals.comment_approved
    )


def unapprove(comment, by, reason=""):
    """Take an approved comment off the page; it goes back to the queue."""
    _require_moderator(by)
    if comment.status != Comment.Status.APPROVED:
        raise ValidationError(_("Only approved comments can be unapproved."))
    return _record(
        comment, Comment.Status.PENDING, by, reason or _("Unapproved"), signals.comment_unapproved
    )


def mark_spam(comment, by, reason=""):
    _require_moderator(by)
    return _record(
        comment, Comment.Status.SPAM, by, reason or _("Marked as spam"), signals.comment_marked_spam
    )


def trash(comment, by, reason=""):
    _require_moderator(by)
    return _record(
        comment, Comment.Status.TRASH, by, reason or _("Trashed"), signals.comment_trashed
    )


def block_sender(comment, by):
    """«This email/IP is a spammer»: block both and send every comment of theirs to spam."""
    _require_moderator(by)
    with transaction.atomic():
        BlockedSender.objects.get_or_create(
            kind=BlockedSender.Kind.EMAIL,
            value=comment.email.strip().lower(),
            defaults={"created_by": by},
        )
        if comment.ip_address:
            BlockedSender.objects.get_or_create(
                kind=BlockedSender.Kind.IP, value=comment.ip_address, defaults={"created_by": by}
            )
        theirs = (
            Comment.objects.by_sender(comment.email, comment.ip_address)
            .exclude(status=Comment.Status.SPAM)
            .select_related("article")
        )
        marked = [mark_spam(each, by, _("Sender blocked by a moderator")) for each in theirs]
    return marked


def import_comments(comments, by=None, reason="", keep_reasons=False):
    """The bulk verb for comments judged elsewhere (a moved site's readers): store unsaved
    `comments` with the status they bring, parents before replies (a parent may be another
    of `comments`), one verdict line each, no spam pipeline and no email to moderators (an
    old site's held comments are not news). `reason` is the verdict's reason, stored on the
    comments that bring none (all of them keep theirs with `keep_reasons`, as a restored
    export does). The threads of their articles are forgotten once the transaction
    commits. Returns the comments, saved."""
    _require_moderator(by)
    reason = reason or _("Imported")
    comments = list(comments)
    now = timezone.now()
    with transaction.atomic():
        pending = comments
        while pending:
            # A level: comments whose parent is saved (or who have none).
            ready = [c for c in pending if c.parent is None or c.parent.pk is not None]
            if not ready:
                raise ValueError("import_comments(): a reply's parent is not among them")
            for comment in ready:
                comment.email = comment.email.strip().lower()
                comment.fingerprint = text_fingerprint(comment.body)
                if not keep_reasons:
                    comment.reason = comment.reason or reason
                comment.moderated_at = comment.moderated_at or now
                comment.depth = comment.parent.depth + 1 if comment.parent else 1
                comment.parent_id = comment.parent.pk if comment.parent else None
            Comment.objects.bulk_create(ready)
            saved = {id(c) for c in ready}
            pending = [c for c in pending if id(c) not in saved]
        CommentLogEntry.objects.bulk_create(
            CommentLogEntry(comment=c, status=c.status, reason=c.reason or reason, user=by)
            for c in comments
        )
        article_ids = {c.article_id for c in comments}
        transaction.on_commit(
            lambda: [threads.forget_thread(article_id) for article_id in article_ids], robust=True
        )
    return comments
