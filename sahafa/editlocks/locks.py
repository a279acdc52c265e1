"""Edit locks: whoever opens an article's form in the newsroom holds its lock while the
form stays open (the page renews it every `HEARTBEAT_SECONDS`); another journalist who
opens it is warned and may take the lock over. A save is refused when someone else holds
the lock, or when the article was saved since the form was opened (its `updated_at`,
sent back by the form): the lock warns, the version check makes sure."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import EditLock

# A lock not renewed for this long is free: the form was closed, or its browser is gone.
LOCK_SECONDS = 5 * 60
HEARTBEAT_SECONDS = 60


def is_live(lock, now):
    return lock.renewed_at > now - timedelta(seconds=LOCK_SECONDS)


def held_by_another(article_id, user, now=None):
    """The live lock on the article held by someone other than `user`, or None."""
    now = now or timezone.now()
    lock = EditLock.objects.select_related("holder").filter(article_id=article_id).first()
    if lock is None or lock.holder_id == user.pk or not is_live(lock, now):
        return None
    return lock


@transaction.atomic
def hold(article_id, user):
    """Take or renew the lock for `user`, unless another holds a live one: that lock is
    returned (and left alone); None when `user` holds it now."""
    now = timezone.now()
    lock = (
        EditLock.objects.select_for_update()
        .select_related("holder")
        .filter(article_id=article_id)
        .first()
    )
    if lock is not None and lock.holder_id != user.pk and is_live(lock, now):
        return lock
    if lock is not None and lock.holder_id == user.pk and is_live(lock, now):
        EditLock.objects.filter(pk=article_id).update(renewed_at=now)
    else:
        take_over(article_id, user, now)
    return None


def take_over(article_id, user, now=None):
    now = now or timezone.now()
    EditLock.objects.update_or_create(
        article_id=article_id, defaults={"holder": user, "since": now, "renewed_at": now}
    )


def release(article_id, user):
    EditLock.objects.filter(article_id=article_id, holder=user).delete()


def version_of(article):
    """What the form sends back to say which stored version it was opened on."""
    return article.updated_at.isoformat() if article.updated_at else ""


def holder_name(lock):
    return lock.holder.get_full_name() or lock.holder.get_username()
