"""The bulk verb follows the newsroom's rule: a writer cannot publish, not even in bulk."""

import pytest
from django.core.exceptions import PermissionDenied

from sahafa.articles import workflow
from sahafa.articles.models import Article
from tests.factories import make_article


def test_a_writer_cannot_publish_imported_articles(writer, announced):
    draft = make_article(published=False)

    with pytest.raises(PermissionDenied):
        workflow.publish_imported([draft], by=writer.user)

    assert Article.objects.get().status == Article.Status.DRAFT
    assert announced == []


def test_an_editor_publishing_imports_is_in_the_history(editor):
    draft = make_article(published=False, published_at=None)

    workflow.publish_imported([draft], by=editor.user)

    draft.refresh_from_db()
    assert draft.is_public
    entry = draft.log_entries.get()
    assert (entry.action, entry.user, entry.note) == ("published", editor.user, "import")
