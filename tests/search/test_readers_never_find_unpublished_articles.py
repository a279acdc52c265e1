"""Search shows what readers may see, and nothing else."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article
from sahafa.search.engine import search
from sahafa.search.models import SearchEntry
from tests.factories import make_article


def found(query="تسريبات الميزانية"):
    return {article.pk for article in search(query).articles}


def test_a_draft_is_never_found(db):
    draft = make_article(headline="تسريبات الميزانية قبل إعلانها", published=False)
    assert found() == set()
    assert not SearchEntry.objects.filter(pk=draft.pk).exists()


def test_an_article_in_review_is_never_found(db, editor):
    article = make_article(headline="تسريبات الميزانية قبل إعلانها", published=False)
    workflow.submit(article, by=None)
    assert found() == set()


def test_a_scheduled_article_is_hidden_until_its_time_then_found(db):
    later = timezone.now() + timedelta(hours=2)
    article = make_article(headline="تسريبات الميزانية قبل إعلانها", published_at=later)
    assert article.status == Article.Status.SCHEDULED
    assert found() == set()
    # No job runs at publication time, and nothing is written to the index: the query's
    # public filter lets it in, and the answer kept a moment before is not used past it.
    with time_machine.travel(later + timedelta(seconds=1)):
        assert found() == {article.pk}


def test_unpublished_and_archived_articles_leave_the_results(db):
    pulled = make_article(headline="تسريبات الميزانية الأولى")
    retired = make_article(headline="تسريبات الميزانية الثانية")
    assert found() == {pulled.pk, retired.pk}
    workflow.unpublish(pulled, by=None)
    workflow.archive(retired, by=None)
    assert found() == set()


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.ARCHIVED])
def test_even_a_stale_index_entry_cannot_leak_a_hidden_article(db, status):
    article = make_article(headline="تسريبات الميزانية قبل إعلانها")
    # Bypass the workflow (and so the index) on purpose: the query still checks the status.
    Article.objects.filter(pk=article.pk).update(status=status)
    assert SearchEntry.objects.filter(pk=article.pk).exists()
    assert found() == set()
