"""Keeps the related lists in step with the newsroom's workflow signals."""

import logging

from django.db import transaction

from sahafa.articles.models import Article

from . import engine

logger = logging.getLogger(__name__)


def _without_blocking_the_newsroom(update, *args):
    # A failure here must not undo the publishing it follows: the lists are rebuilt by
    # `sahafa related --rebuild`, a lost publication is not.
    try:
        with transaction.atomic():
            update(*args)
    except Exception:
        logger.exception("related lists were not updated by %s", update.__name__)


def on_published(sender, article, **kwargs):
    _without_blocking_the_newsroom(engine.refresh_article, article)


def on_withdrawn(sender, article, **kwargs):
    _without_blocking_the_newsroom(engine.remove_article, article)


def on_imported(sender, articles, **kwargs):
    _without_blocking_the_newsroom(engine.index_articles, articles)


def connect():
    from sahafa.articles import signals

    signals.article_published.connect(on_published, sender=Article, dispatch_uid="related")
    signals.article_unpublished.connect(on_withdrawn, sender=Article, dispatch_uid="related")
    signals.article_archived.connect(on_withdrawn, sender=Article, dispatch_uid="related")
    signals.articles_imported.connect(on_imported, sender=Article, dispatch_uid="related")
