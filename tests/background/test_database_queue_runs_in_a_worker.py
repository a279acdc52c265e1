"""With the embedded database queue (the demo's), publishing returns at once and the task
worker brings search and «شاهد أيضاً» up to date; a failed task is retried later and
operators see every state with `sahafa tasks`."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sahafa.articles import workflow
from sahafa.related.models import RelatedArticle
from sahafa.search.engine import search
from tests.background.flaky import fails_once
from tests.factories import make_article
from tests.related.stories import CUP_CELEBRATION, CUP_FINAL

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def tasks_report():
    out = StringIO()
    call_command("tasks", stdout=out)
    return out.getvalue()


def test_publishing_queues_the_work_and_the_worker_does_it(
    database_queue, run_workers, shared_cache
):
    final = make_article(**CUP_FINAL)
    celebration = make_article(**CUP_CELEBRATION, published=False)
    # The worker shares the site's cache, as in every deployment: search answers kept by
    # the site are forgotten when the worker's index write commits.
    run_workers(SAHAFA_TASKS="database", CACHE_URL=shared_cache)

    workflow.publish(celebration, by=None)

    assert search("الفجر").articles == []
    assert "ready 2, running 0, successful 6," in tasks_report()

    run_workers(SAHAFA_TASKS="database", CACHE_URL=shared_cache)

    assert search("الفجر").articles == [celebration]
    assert RelatedArticle.objects.filter(article=celebration, related=final).exists()
    assert "ready 0, running 0, successful 8, failed 0" in tasks_report()


def test_a_failed_task_is_retried_later_and_shown_to_operators(
    database_queue, run_workers, tmp_path
):
    marker = tmp_path / "digest"
    fails_once.enqueue(str(marker))

    run_workers(SAHAFA_TASKS="database")

    report = tasks_report()
    assert "failed 1" in report
    assert "ConnectionError: the mail server did not answer" in report
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(seconds=5)

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_workers(SAHAFA_TASKS="database")

    assert "ready 0, running 0, successful 1, failed 1" in tasks_report()
    assert marker.read_text() == "done"
