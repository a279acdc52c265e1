"""What readers see of a live blog changed: its version grows by one, the entries that
changed take the new version (the polling cursor, `views.entries`), and the article is
announced through the side-effect seam (`articles.changes.announce`, reason `live`), whose
purge of `article-<id>` reaches the article's page, its cards and feeds, and the polling
answers, which carry that key too.

Connected to the models' signals, so an entry edited in the newsroom, in the shell or by
a verb is announced alike; a draft saved is not (readers see no drafts)."""

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext as _

from sahafa.articles import changes
from sahafa.articles.sanitize import resanitize_stored

from .models import Entry, LiveBlog

REASON = "live"


def refresh(blog_id, entry_ids=(), using=DEFAULT_DB_ALIAS):
    with transaction.atomic(using=using):
        blogs = LiveBlog.objects.using(using).filter(pk=blog_id)
        # The row lock taken here orders concurrent changes: versions commit in order.
        blogs.update(version=F("version") + 1)
        version = blogs.values_list("version", flat=True).first()
        if version is not None and entry_ids:
            Entry.objects.using(using).filter(pk__in=entry_ids).update(version=version)
        changes.announce([blog_id], REASON, using)


def resanitize_entries(batch):
    """Every stored entry body through the current sanitizer (`sahafa resanitize`): the
    published entries rewritten take a new version of their blog, so readers' pages and
    polling show the new markup."""

    def announce(rewritten):
        shown = {}
        for entry in rewritten:
            if entry.status == Entry.Status.PUBLISHED:
                shown.setdefault(entry.live_blog_id, []).append(entry.pk)
        for blog_id, entry_ids in shown.items():
            refresh(blog_id, entry_ids)

    rows = Entry.objects.only("pk", "live_blog_id", "status", "body")
    rewritten, read = resanitize_stored(rows, batch, announce)
    return _("Rewrote %(rewritten)d of %(read)d live entries.") % {
        "rewritten": rewritten,
        "read": read,
    }


def _remember_status(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw or instance.pk is None:
        instance._was_published = False
        return
    stored = Entry.objects.using(using).filter(pk=instance.pk).values_list("status", flat=True)
    instance._was_published = stored.first() == Entry.Status.PUBLISHED


def _entry_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    was_published = instance.__dict__.pop("_was_published", False)
    if not raw and (was_published or instance.status == Entry.Status.PUBLISHED):
        refresh(instance.live_blog_id, [instance.pk], using)


def _entry_deleted(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    if instance.status == Entry.Status.PUBLISHED:
        refresh(instance.live_blog_id, using=using)


def _blog_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if not raw:
        refresh(instance.pk, using=using)


def _blog_deleted(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    changes.announce([instance.pk], REASON, using)


def connect():
    pre_save.connect(_remember_status, sender=Entry, dispatch_uid="live-entry")
    post_save.connect(_entry_saved, sender=Entry, dispatch_uid="live-entry")
    post_delete.connect(_entry_deleted, sender=Entry, dispatch_uid="live-entry")
    post_save.connect(_blog_saved, sender=LiveBlog, dispatch_uid="live-blog")
    post_delete.connect(_blog_deleted, sender=LiveBlog, dispatch_uid="live-blog")
