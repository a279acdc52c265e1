"""At scale the queue lives in Redis (RQ) and several worker processes — standing in for
several machines — share it: every task runs once, none fails, and the index they build is
the one a single process builds."""

import os

import pytest
import redis

from sahafa.articles import workflow
from sahafa.articles.models import Article
from sahafa.related.models import Fingerprint, RelatedArticle
from sahafa.search import indexing
from sahafa.search.models import SearchEntry
from tests.factories import make_article
from tests.related.stories import (
    CUP_CELEBRATION,
    CUP_FINAL,
    FLU_VACCINE,
    OIL_PRICES,
    RIYADH_RAIN,
    SATELLITE,
    SCHOOL_YEAR,
)

pytestmark = pytest.mark.django_db(transaction=True)

QUEUE_URL = os.environ.get("SAHAFA_TEST_QUEUE_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def redis_queue(settings):
    if not os.environ.get("CACHE_URL", "").startswith("redis://"):
        pytest.skip("runs with the production backends (SAHAFA_TEST_BACKEND=production)")
    connection = redis.Redis.from_url(QUEUE_URL)
    connection.flushdb()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": QUEUE_URL}}
    yield connection
    connection.flushdb()


def entries():
    return sorted(SearchEntry.objects.values_list("article_id", "headline", "meta", "body"))


def test_two_workers_share_the_queue_and_build_the_same_index(redis_queue, run_workers):
    stories = [
        make_article(**story, published=False)
        for story in (
            *(CUP_FINAL, CUP_CELEBRATION, OIL_PRICES, RIYADH_RAIN),
            *(SCHOOL_YEAR, FLU_VACCINE, SATELLITE),
        )
    ]
    for story in stories:
        workflow.publish(story, by=None)

    outputs = run_workers(2, SAHAFA_TASKS="rq", SAHAFA_TASKS_REDIS_URL=QUEUE_URL)

    assert redis_queue.llen("rq:queue:default") == 0
    assert not any("Traceback" in output for output in outputs), outputs
    public = set(Article.objects.published().values_list("pk", flat=True))
    assert set(SearchEntry.objects.values_list("pk", flat=True)) == public
    assert set(Fingerprint.objects.values_list("pk", flat=True)) == public
    final, celebration = stories[:2]
    assert RelatedArticle.objects.filter(article=final, related=celebration).exists()
    assert RelatedArticle.objects.filter(article=celebration, related=final).exists()
    built_by_workers = entries()
    indexing.index_articles(public)
    assert entries() == built_by_workers
