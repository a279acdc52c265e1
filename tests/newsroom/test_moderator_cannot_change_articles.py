"""The comment moderator works on comments; articles are not theirs to change."""

import pytest
from django.urls import reverse

from sahafa.articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_moderator_can_neither_add_change_nor_publish_articles(moderator, announced):
    article = make_article("خبر عليه تعليقات كثيرة", published=False)
    change_url = reverse("admin:articles_article_change", args=[article.pk])

    assert moderator.get(reverse("admin:articles_article_add")).status_code == 403
    assert moderator.post(change_url, {"headline": "تغيير", "_publish": "1"}).status_code == 403
    assert moderator.post(change_url, {"headline": "تغيير", "_save": "1"}).status_code == 403
    moderator.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [str(article.pk)]},
    )

    article.refresh_from_db()
    assert article.headline == "خبر عليه تعليقات كثيرة"
    assert article.status == Article.Status.DRAFT
    assert announced == []
