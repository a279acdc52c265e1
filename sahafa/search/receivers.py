"""What keeps the index in sync: the workflow's signals, and model signals for edits.

Connected in SearchConfig.ready(). Each receiver runs in the transaction of the change.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from sahafa.articles import signals as workflow_signals
from sahafa.articles.models import Article, Author, Byline, Section, Tag

from .indexing import index_articles, remove_from_index


def article_changed(sender, article, **kwargs):
    index_articles([article])


def articles_imported(sender, articles, **kwargs):
    index_articles(articles)


def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles([instance])


def article_deleted(sender, instance, **kwargs):
    remove_from_index([instance.pk])


def byline_changed(sender, instance, raw=False, origin=None, **kwargs):
    # Bylines deleted along with their article must not index it again on its way out.
    deleting_article = isinstance(origin, Article) or (
        isinstance(origin, QuerySet) and origin.model is Article
    )
    if not (raw or deleting_article):
        index_articles([instance.article_id])


def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action.startswith("post_"):
            index_articles([instance])
    elif action == "pre_clear":
        instance._search_articles = list(instance.articles.values_list("pk", flat=True))
    elif action == "post_clear":
        index_articles(instance.__dict__.pop("_search_articles", []))
    elif action in ("post_add", "post_remove"):
        index_articles(pk_set)  # tag.articles.add(...): pk_set holds articles


def remember_name(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        old = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        instance._search_renamed = old is not None and old != instance.name


def name_changed(sender, instance, raw=False, **kwargs):
    """A renamed tag, author or section changes the meta terms of its articles."""
    if instance.__dict__.pop("_search_renamed", False):
        index_articles(instance.articles.values_list("pk", flat=True))


def tag_deleting(sender, instance, **kwargs):
    instance._search_articles = list(instance.articles.values_list("pk", flat=True))


def tag_deleted(sender, instance, **kwargs):
    index_articles(instance.__dict__.pop("_search_articles", []))


def connect():
    for signal in (
        workflow_signals.article_published,
        workflow_signals.article_unpublished,
        workflow_signals.article_archived,
        workflow_signals.article_returned,
        workflow_signals.article_submitted,
    ):
        signal.connect(article_changed, sender=Article, dispatch_uid=f"search-{id(signal)}")
    workflow_signals.articles_imported.connect(
        articles_imported, sender=Article, dispatch_uid="search-imported"
    )
    post_save.connect(article_saved, sender=Article, dispatch_uid="search-article-saved")
    pre_delete.connect(article_deleted, sender=Article, dispatch_uid="search-article-deleted")
    post_save.connect(byline_changed, sender=Byline, dispatch_uid="search-byline-saved")
    post_delete.connect(byline_changed, sender=Byline, dispatch_uid="search-byline-deleted")
    m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="search-tags")
    for model in (Tag, Author, Section):
        pre_save.connect(remember_name, sender=model, dispatch_uid=f"search-pre-{model.__name__}")
        post_save.connect(name_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
    pre_delete.connect(tag_deleting, sender=Tag, dispatch_uid="search-tag-deleting")
    post_delete.connect(tag_deleted, sender=Tag, dispatch_uid="search-tag-deleted")
