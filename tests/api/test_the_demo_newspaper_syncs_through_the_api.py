"""Nour's app syncs the whole demo newspaper: it follows `next` to the end of the list and
opens every article. It gets each public story once, in order, all of them whole, none of
the drafts or scheduled ones, and no email address from the demo's commenters."""

from datetime import datetime

import pytest

from sahafa.articles.models import Article
from sahafa.comments.models import Comment
from sahafa.demo.loader import load_demo_comments, load_demo_content

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"


def test_an_app_syncs_every_public_story_once(reader):
    load_demo_content()
    load_demo_comments()
    public = list(Article.objects.published().newest_first().values_list("pk", flat=True))
    hidden = Article.objects.exclude(pk__in=public).values_list("pk", flat=True)
    emails = set(Comment.objects.values_list("email", flat=True))

    synced, answers, page = [], [], "/api/v1/articles?limit=7"
    while page:
        answer = reader.get(page)
        answers.append(answer)
        data = answer.json()
        synced += [item["id"] for item in data["items"]]
        page = data["next"] and data["next"].removeprefix(BASE)
    for pk in synced:
        answer = reader.get(f"/api/v1/articles/{pk}")
        answers.append(answer)
        article = answer.json()
        assert article["body_text"] and article["see_also"]["id"] != pk
        assert datetime.fromisoformat(article["published_at"]).utcoffset() is not None

    assert synced == public
    assert hidden and all(reader.get(f"/api/v1/articles/{pk}").status_code == 404 for pk in hidden)
    assert emails and not any(
        email in answer.content.decode() for answer in answers for email in emails
    )
