"""Keeping and restoring an article's text.

`record()` is called where the newsroom saves an article (`newsroom/admin.py`), with the
journalist who saved it: one indexed read of the newest revision, and one row only when
the text changed. Bulk imports and workflow verbs, which do not change the text, keep none;
an article that had no revision yet (imported, or from before this app) gets the stored
text as its first one, by nobody, the first time it is saved in the newsroom.

`restore()` saves an old revision's text back onto the article through `Article.save()`,
which announces the edit through the side-effect seam (`articles.changes`), records it as a
new revision and writes a history line; the status is not touched.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from sahafa.articles import changes
from sahafa.articles.models import Article, ArticleLogEntry

from .models import TEXT_FIELDS, Revision


def text_of(article):
    return {name: getattr(article, name) for name in TEXT_FIELDS}


def latest(article):
    return Revision.objects.filter(article=article).order_by("-created_at", "-id").first()


def record_baseline(article_id):
    """Before a newsroom save: keep the stored text as the first revision if there is none
    (imported articles, or articles older than this app)."""
    if Revision.objects.filter(article_id=article_id).exists():
        return
    stored = Article.objects.filter(pk=article_id).values(*TEXT_FIELDS, "updated_at").first()
    if stored is not None:
        created_at = stored.pop("updated_at")
        Revision.objects.create(article_id=article_id, author=None, created_at=created_at, **stored)


def record(article, by, restored_from=None):
    """A new revision of `article`'s text as saved now, unless it equals the newest one."""
    text = text_of(article)
    newest = latest(article)
    if newest is not None and newest.text() == text and restored_from is None:
        return None
    return Revision.objects.create(article=article, author=by, restored_from=restored_from, **text)


def may_restore(user, article):
    """The newsroom's editing rule: editors any article, writers their own while it is a
    draft (which articles are their own: `Article.objects.editable_by`)."""
    if not user.has_perm("articles.change_article"):
        return False
    if not Article.objects.editable_by(user).filter(pk=article.pk).exists():
        return False
    return user.has_perm("articles.edit_any_article") or article.status == Article.Status.DRAFT


def restore(revision, by):
    """Put `revision`'s text back on its article, as a new revision by `by`."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=revision.article_id)
        if not may_restore(by, article):
            raise PermissionDenied(_("You may not change this article."))
        for name, value in revision.text().items():
            setattr(article, name, value)
        article.save(update_fields=[*TEXT_FIELDS, "updated_at"])
        new = record(article, by, restored_from=revision)
        ArticleLogEntry.objects.create(
            article=article,
            action="restored",
            user=by,
            note=_("Text restored from the revision of %(time)s")
            % {"time": f"{revision.created_at:%Y-%m-%d %H:%M}"},
        )
        changes.announce([article], "restored")
    return new
