"""Announcing changes to articles: once per transaction, after it commits.

Whatever changes an article — a workflow verb, an admin save, a tag added in the shell, an
import batch — calls `announce()`, directly or through the model signals connected below.
The ids and reasons of one transaction are gathered and `articles_changed` is sent once,
after the commit; nothing is sent for a transaction that rolls back. Outside a transaction
the announcement goes out at once.
"""

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils.functional import SimpleLazyObject

from sahafa.arabic.sharing import sharing_bodies

from . import signals, surrogate


class _Announcement:
    """The changes of one transaction, sent when its on-commit hook runs."""

    def __init__(self):
        self.ids = set()
        self.reasons = set()

    def __call__(self):
        ids = frozenset(self.ids)
        signals.articles_changed.send(
            sender=_Announcement,
            ids=ids,
            reasons=frozenset(self.reasons),
            # Read once, by the first subscriber that needs them (caches, counts).
            keys=SimpleLazyObject(lambda: frozenset(surrogate.keys_showing(ids))),
        )


def _pending(using):
    """The announcement already waiting on this transaction's commit, if any."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Announcement):
            return callback
    return None


def announce(articles, reason, using=DEFAULT_DB_ALIAS):
    """Tell the subscribers that `articles` (objects or ids) changed, for `reason`."""
    ids = {getattr(article, "pk", article) for article in articles}
    if not ids:
        return
    announcement = _pending(using)
    waiting = announcement is not None
    if not waiting:
        announcement = _Announcement()
    announcement.ids.update(ids)
    announcement.reasons.add(reason)
    if not waiting:
        # Robust: a failing subscriber must not stop the others, nor undo the commit.
        transaction.on_commit(announcement, using=using, robust=True)


class NoProgress:
    """The shape of `tqdm` that bulk subscribers report through, showing nothing."""

    def __init__(self, iterable=(), **_):
        self.iterable = iterable

    def __iter__(self):
        return iter(self.iterable)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def update(self, count=1):
        pass


def announce_import(ids, progress=NoProgress):
    """The end of a bulk import: every batch has committed (and was announced). Sends
    `articles_imported`, whose subscribers do their bulk work now; `progress` is a
    tqdm-like factory they show it through. Subscribers share analyzed bodies for the length
    of the send (`sahafa.arabic.sharing`), so each body is analyzed once."""
    with sharing_bodies():
        signals.articles_imported.send(sender=NoProgress, ids=frozenset(ids), progress=progress)


# What the model signals of the articles app's own models mean as announcements. Add-ons
# subscribe to `articles_changed`, never to these.


def _article_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if not raw:
        announce([instance], "edited", using)


def _article_deleting(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    signals.articles_deleting.send(sender=sender, ids=frozenset([instance.pk]))
    announce([instance], "deleted", using)


def _byline_changed(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if not raw:
        announce([instance.article_id], "edited", using)


def _tags_changed(sender, instance, action, reverse, pk_set, using=DEFAULT_DB_ALIAS, **kwargs):
    if not reverse:  # article.tags.add(...)
        if action.startswith("post_"):
            announce([instance], "edited", using)
    elif action == "pre_clear":  # tag.articles.clear()
        announce(instance.articles.values_list("pk", flat=True), "edited", using)
    elif action in ("post_add", "post_remove"):  # tag.articles.add(...)
        announce(pk_set, "edited", using)


def _remember_name(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        old = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        instance._renamed = old is not None and old != instance.name


def _name_changed(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    """A renamed section, tag or author changes every article that shows its name."""
    if instance.__dict__.pop("_renamed", False):
        announce(instance.articles.values_list("pk", flat=True), "renamed", using)


def _section_changed(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if not raw:
        transaction.on_commit(
            lambda: signals.site_changed.send(sender=sender), using=using, robust=True
        )


def _tag_deleting(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    announce(instance.articles.values_list("pk", flat=True), "edited", using)


def connect():
    from .models import Article, Author, Byline, Section, Tag

    post_save.connect(_article_saved, sender=Article, dispatch_uid="changes-article")
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid="changes-article")
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid="changes-byline")
    post_delete.connect(_byline_changed, sender=Byline, dispatch_uid="changes-byline")
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid="changes-tags")
    for model in (Section, Tag, Author):
        uid = f"changes-{model.__name__}"
        pre_save.connect(_remember_name, sender=model, dispatch_uid=uid)
        post_save.connect(_name_changed, sender=model, dispatch_uid=uid)
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid="changes-tag")
    post_save.connect(_section_changed, sender=Section, dispatch_uid="changes-site")
    post_delete.connect(_section_changed, sender=Section, dispatch_uid="changes-site")
