"""An editor publishes, unpublishes and archives a page of articles at once; an article
that cannot take the step is named, and the others go ahead."""

import pytest
from django.urls import reverse

from sahafa.articles.models import Article
from tests.factories import make_article

from .arabic import arabic

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def bulk(client, action, articles):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [str(article.pk) for article in articles]},
        follow=True,
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_editor_publishes_three_drafts_at_once(editor, reader, announced):
    drafts = [make_article(f"مسودة رقم {n}", published=False) for n in range(3)]

    response = bulk(editor, "publish_selected", drafts)

    assert "نُشرت 3 مقالات." in messages_of(response)
    assert Article.objects.published().filter(pk__in=[d.pk for d in drafts]).count() == 3
    assert sorted(announced) == sorted(("published", d.pk) for d in drafts)
    for draft in drafts:
        draft.refresh_from_db()
        assert reader.get(draft.get_absolute_url()).status_code == 200


def test_an_already_published_article_is_named_and_the_rest_go_ahead(editor, announced):
    draft = make_article("مسودة تنتظر", published=False)
    live = make_article("خبر منشور منذ الصباح")
    announced.clear()

    response = bulk(editor, "publish_selected", [draft, live])

    messages = messages_of(response)
    assert "نُشر مقال واحد." in messages
    refused = next(message for message in messages if message.startswith("بقي مقال واحد"))
    assert "«خبر منشور منذ الصباح»" in refused
    # The verb's own reason, in the Arabic of the articles app's catalogue.
    assert arabic("This article is already published.") in refused
    assert announced == [("published", draft.pk)]


def test_the_editor_unpublishes_and_archives_in_bulk(editor, reader, announced):
    live = [make_article(f"خبر منشور {n}") for n in range(2)]
    announced.clear()

    response = bulk(editor, "unpublish_selected", live)

    assert "سُحب مقالان من الموقع." in messages_of(response)
    assert not Article.objects.published().filter(pk__in=[a.pk for a in live]).exists()

    response = bulk(editor, "archive_selected", live)

    assert "أُرشف مقالان." in messages_of(response)
    statuses = Article.objects.filter(pk__in=[a.pk for a in live]).values_list("status", flat=True)
    assert set(statuses) == {Article.Status.ARCHIVED}
    assert [name for name, _ in announced] == (["unpublished"] * 2 + ["archived"] * 2)
