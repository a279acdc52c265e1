"""The verbs of the newsroom. Every change of an article's status goes through one of
these functions: it checks who may do it, saves, writes the history line and announces the
change (`changes.announce`, sent once after commit). Views, the admin and commands never
set `status` themselves."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import changes
from .models import Article, ArticleLogEntry

PUBLIC = Article.PUBLIC_STATUSES


def can_publish(user):
    return user is None or user.has_perm("articles.publish_article")


def _require_publisher(by):
    if not can_publish(by):
        raise PermissionDenied(_("Only editors can publish or unpublish articles."))


def _record(article, action, by, note, **fields):
    with transaction.atomic():
        for name, value in fields.items():
            setattr(article, name, value)
        article.save(update_fields=[*fields, "updated_at"])
        ArticleLogEntry.objects.create(article=article, action=action, user=by, note=note)
        changes.announce([article], action)
    return article


def submit(article, by, note=""):
    """A writer hands a draft to the editors."""
    if article.status != Article.Status.DRAFT:
        raise ValidationError(_("Only drafts can be submitted for review."))
    return _record(article, "submitted", by, note, status=Article.Status.REVIEW)


def publish(article, by, at=None, note=""):
    """Make the article public now, or at `at` (it is then scheduled).

    Re-publishing an article that was public before keeps its original publication time
    unless a new one is given, so un-publishing for a correction does not bump it to the top.
    """
    _require_publisher(by)
    now = timezone.now()
    if at is None:
        at = article.published_at if article.published_at and article.published_at <= now else now
    if article.status in PUBLIC and article.published_at == at:
        raise ValidationError(_("This article is already published."))
    status = Article.Status.SCHEDULED if at > now else Article.Status.PUBLISHED
    return _record(
        article,
        "scheduled" if status == Article.Status.SCHEDULED else "published",
        by,
        note,
        status=status,
        published_at=at,
    )


def unpublish(article, by, note=""):
    """Take a public or scheduled article off the site; it goes back to the drafts."""
    _require_publisher(by)
    if article.status not in PUBLIC:
        raise ValidationError(_("This article is not published."))
    return _record(article, "unpublished", by, note, status=Article.Status.DRAFT)


def archive(article, by, note=""):
    """Retire an article: it leaves the site but stays in the newsroom's records."""
    _require_publisher(by)
    if article.status == Article.Status.ARCHIVED:
        raise ValidationError(_("This article is already archived."))
    return _record(article, "archived", by, note, status=Article.Status.ARCHIVED)


def return_to_writer(article, by, note=""):
    """An editor sends a submitted article back to its writer for changes."""
    _require_publisher(by)
    if article.status != Article.Status.REVIEW:
        raise ValidationError(_("Only articles in review can be returned to the writer."))
    return _record(article, "returned", by, note, status=Article.Status.DRAFT)


def publish_imported(created, by=None, *, updated=(), note="import"):
    """The one bulk verb: publish a batch of newly imported articles and announce the batch.

    Articles in `created` become public at their `published_at` (now when empty; scheduled
    when in the future) with one history line each, in a few queries instead of one
    `publish()` per article. `updated` are imported articles whose content changed; their
    status is left as the newsroom set it. `articles_imported` is sent once, with both,
    inside the batch's transaction, so bulk indexing commits or rolls back with the batch.
    """
    _require_publisher(by)
    now = timezone.now()
    created = list(created)
    with transaction.atomic():
        batch = Article.objects.filter(pk__in=[article.pk for article in created])
        batch.filter(published_at__isnull=True).update(published_at=now)
        batch.filter(published_at__lte=now).update(status=Article.Status.PUBLISHED)
        batch.filter(published_at__gt=now).update(status=Article.Status.SCHEDULED)
        for article in created:
            article.published_at = article.published_at or now
            article.status = (
                Article.Status.SCHEDULED if article.published_at > now else Article.Status.PUBLISHED
            )
        ArticleLogEntry.objects.bulk_create(
            ArticleLogEntry(
                article=article,
                action="scheduled" if article.status == Article.Status.SCHEDULED else "published",
                user=by,
                note=note,
            )
            for article in created
        )
        changes.announce([*created, *updated], "imported")
    return created


def file_imported(created, status, by=None, *, note="import"):
    """The bulk verb for imported articles that are not public: a batch of new articles
    becomes drafts or goes to review (`status`), with one history line each, and is
    announced with the batch. Their `published_at` is left as imported (None for a draft
    that never had a date); publishing them later is the editors' `publish()`."""
    if status not in (Article.Status.DRAFT, Article.Status.REVIEW):
        raise ValueError(f"file_imported() files drafts or articles in review, not {status!r}")
    created = list(created)
    with transaction.atomic():
        Article.objects.filter(pk__in=[article.pk for article in created]).update(status=status)
        for article in created:
            article.status = status
        ArticleLogEntry.objects.bulk_create(
            ArticleLogEntry(
                article=article,
                action="submitted" if status == Article.Status.REVIEW else "created",
                user=by,
                note=note,
            )
            for article in created
        )
        changes.announce(created, "imported")
    return created
