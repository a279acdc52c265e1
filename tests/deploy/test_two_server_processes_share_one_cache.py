"""Two `sahafa serve` processes (two machines behind a balancer, or two servers on one)
share one cache: a moderator's decision, made anywhere, shows through both at once."""

import os

import pytest
from django.conf import settings as django_settings

from sahafa.comments import workflow as moderation
from sahafa.comments.models import Comment
from tests.factories import make_article, make_comment
from tests.servers import get

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.deploy]


@pytest.fixture
def shared_cache(settings, tmp_path):
    """The production run shares Redis; the SQLite run shares the demo's file cache."""
    if os.environ.get("CACHE_URL", "").startswith("redis://"):
        return os.environ["CACHE_URL"]
    location = tmp_path / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location),
        }
    }
    return f"file://{location}"


def test_an_approval_and_a_trashing_show_through_both_servers_at_once(processes, shared_cache):
    article = make_article("الهلال يتوج بكأس الملك")
    waiting = make_comment(article, body="مبروك للهلال هذا اللقب", status=Comment.Status.PENDING)
    shown = make_comment(article, body="تعليق سيُحذف بعد قليل")
    servers = [processes.sahafa(CACHE_URL=shared_cache)[0] for _ in range(2)]
    path = article.get_absolute_url()
    for server in servers:
        for _ in range(3):  # stored, then served from the store
            page = get(server, path)
        assert page.headers["X-Cache"] == "HIT"
        assert shown.body in page.body and waiting.body not in page.body

    moderation.approve(waiting, by=None)
    moderation.trash(shown, by=None)

    for server in servers:
        page = get(server, path)
        assert waiting.body in page.body
        assert shown.body not in page.body
    assert django_settings.CACHES["default"]["BACKEND"].endswith(("FileBasedCache", "RedisCache"))
