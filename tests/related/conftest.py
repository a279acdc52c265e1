from datetime import timedelta

import pytest
from django.utils import timezone

from sahafa.related.selection import related_articles
from tests.factories import make_article, make_section

from .stories import BACKGROUND


@pytest.fixture
def sports(db):
    return make_section("رياضة", slug="sports")


@pytest.fixture
def local_news(db):
    return make_section("محليات", slug="local")


@pytest.fixture
def background(local_news):
    """A day's worth of stories on other subjects, published over the past days."""
    return [
        publish_story(story, section=local_news, published_at=hours_ago(24 * (number + 1)))
        for number, story in enumerate(BACKGROUND)
    ]


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def shown_for(article):
    """What a reader sees for the article: «شاهد أيضاً» first, then «اقرأ أيضاً»."""
    return related_articles(article)


def publish_story(story, **fields):
    # No kicker: the factory's default one would make every story share its words.
    return make_article(**{"kicker": "", **story, **fields})


@pytest.fixture(autouse=True)
def no_lost_updates(caplog):
    """The receivers log instead of failing the newsroom's action; in tests that log is
    a failure."""
    yield
    errors = [record for record in caplog.records if record.name.startswith("sahafa.related")]
    assert not errors, errors[0].getMessage()
