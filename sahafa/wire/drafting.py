"""From a wire item to a draft article, in one click: the article is created and filed as
a draft by the workflow's verb for articles that come from elsewhere
(`workflow.file_imported`), and stays linked to its item."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sahafa.articles import workflow
from sahafa.articles.models import Article, Section, Tag

from .models import ArticleSource, WireItem


def can_draft(user):
    """`None` is the system (the demo's loader), as for the workflow's verbs."""
    return user is None or (
        user.has_perm("articles.add_article") and user.has_perm("wire.view_wireitem")
    )


def make_draft(item, by):
    """The draft made from `item` (by anyone before: one item, one draft), and whether it
    was made now."""
    if not can_draft(by):
        raise PermissionDenied
    with transaction.atomic():
        item = WireItem.objects.select_for_update().select_related("feed").get(pk=item.pk)
        made = ArticleSource.objects.filter(item=item).select_related("article").first()
        if made:
            return made.article, False
        section = item.feed.section or Section.objects.order_by("order", "pk").first()
        if section is None:
            raise ValidationError(_("Add a section to the newspaper first: a draft needs one."))
        article = Article.objects.create(
            headline=item.headline,
            standfirst=item.summary,
            body=item.body,
            section=section,
            created_by=by,
        )
        # The agency is credited as imported newspapers are: by a tag.
        article.tags.add(Tag.objects.get_or_create(name=item.feed.name)[0])
        ArticleSource.objects.create(article=article, item=item, made_by=by)
        workflow.file_imported(
            [article],
            Article.Status.DRAFT,
            by=by,
            note=_("from the wire: %(agency)s") % {"agency": item.feed.name},
        )
    return article, True
