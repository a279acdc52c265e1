"""Corrections and updates: saving one makes the article's «last updated» time at least
the notice's time (so `dateModified`, feeds and sitemaps follow) and announces the article
through the side-effect seam; after the commit `corrections_changed` lets the page cache
forget `/corrections/`."""

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q

from sahafa.articles import changes
from sahafa.articles.models import Article

from . import signals


def on_correction_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw:
        return
    if "created" in kwargs:  # saved (post_save), not deleted
        Article.objects.using(using).filter(pk=instance.article_id).filter(
            Q(materially_updated_at__isnull=True) | Q(materially_updated_at__lt=instance.at)
        ).update(materially_updated_at=instance.at)
    changes.announce([instance.article_id], "corrected", using)
    ids = frozenset([instance.article_id])
    transaction.on_commit(
        lambda: signals.corrections_changed.send(sender=sender, ids=ids),
        using=using,
        robust=True,
    )
