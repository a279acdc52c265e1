"""The verbs of live coverage. Writers draft entries (the newsroom's form saves them as
drafts); every change of what readers see goes through one of these functions, which
checks who may do it and saves; the models' signals (`readers.py`) then announce the
article through the side-effect seam. Views, the admin and commands never set `status`,
`is_pinned` or `is_open` themselves.

`by=None` is the system (the demo loader, a command), as in `articles.workflow`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sahafa.articles.models import Article, ArticleLogEntry

from .models import Entry, LiveBlog

Status = Entry.Status


def can_publish(user):
    """Editors: publish, pin, take down, edit and delete any entry."""
    return user is None or user.has_perm("live.publish_entry")


def can_run(user):
    """Editors: open and close a live blog."""
    return user is None or user.has_perm("live.run_liveblog")


def may_edit(user, entry):
    """Editors edit every entry; writers their own drafts."""
    if user is None or can_publish(user):
        return True
    return (
        user.has_perm("live.change_entry")
        and entry.status == Status.DRAFT
        and entry.created_by_id == user.pk
    )


def _require(allowed):
    if not allowed:
        raise PermissionDenied(_("Only editors can publish live coverage."))


def open_coverage(article, by, at=None):
    """Make `article` a live blog, or reopen its ended coverage."""
    _require(can_run(by))
    with transaction.atomic():
        blog = LiveBlog.objects.select_for_update().filter(article=article).first()
        if blog is None:
            blog = LiveBlog(article=article, opened_at=at or timezone.now())
        elif blog.is_open:
            raise ValidationError(_("This live coverage is already open."))
        blog.is_open, blog.closed_at = True, None
        blog.save()
        ArticleLogEntry.objects.create(article=article, action="live_opened", user=by)
    return blog


def close_coverage(blog, by, at=None):
    """«انتهت التغطية المباشرة»: readers' pages stop asking for new entries."""
    _require(can_run(by))
    with transaction.atomic():
        blog = LiveBlog.objects.select_for_update().get(pk=blog.pk)
        if not blog.is_open:
            raise ValidationError(_("This live coverage has already ended."))
        blog.is_open, blog.closed_at = False, at or timezone.now()
        blog.save()
        ArticleLogEntry.objects.create(article_id=blog.pk, action="live_closed", user=by)
    return blog


def publish_entry(entry, by, at=None):
    """Put a drafted entry at the top of the live blog, at `at` (now by default); the
    article's «last updated» time follows."""
    _require(can_publish(by))
    if entry.status == Status.PUBLISHED:
        raise ValidationError(_("This entry is already published."))
    at = at or timezone.now()
    with transaction.atomic():
        entry.status, entry.published_at = Status.PUBLISHED, at
        entry.save(update_fields=["status", "published_at", "updated_at"])
        Article.objects.filter(pk=entry.live_blog_id).filter(
            Q(materially_updated_at__isnull=True) | Q(materially_updated_at__lt=at)
        ).update(materially_updated_at=at)
    return entry


def unpublish_entry(entry, by):
    """Take a published entry off the page; it is a draft again (and no longer pinned)."""
    _require(can_publish(by))
    if entry.status != Status.PUBLISHED:
        raise ValidationError(_("This entry is not published."))
    entry.status, entry.is_pinned = Status.DRAFT, False
    entry.save(update_fields=["status", "is_pinned", "updated_at"])
    return entry


def pin_entry(entry, by):
    """«عاجل»: the key entry, shown first and highlighted; one per live blog."""
    _require(can_publish(by))
    if entry.status != Status.PUBLISHED:
        raise ValidationError(_("Only a published entry can be pinned."))
    if entry.is_pinned:
        raise ValidationError(_("This entry is already pinned."))
    with transaction.atomic():
        for pinned in Entry.objects.select_for_update().filter(
            live_blog_id=entry.live_blog_id, is_pinned=True
        ):
            pinned.is_pinned = False
            pinned.save(update_fields=["is_pinned", "updated_at"])
        entry.is_pinned = True
        entry.save(update_fields=["is_pinned", "updated_at"])
    return entry


def unpin_entry(entry, by):
    _require(can_publish(by))
    if not entry.is_pinned:
        raise ValidationError(_("This entry is not pinned."))
    entry.is_pinned = False
    entry.save(update_fields=["is_pinned", "updated_at"])
    return entry
