"""Search checks every match's status and publication time. On SQLite it reads them from the
articles' covering index `article_visible_idx` rather than from the article rows, whose body
comes first and fills several pages (a common word's matches: 18.7 → 6.8 ms); the planner
takes that index once it has statistics, which `sahafa reindex` refreshes (as a large
import does)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sahafa.search.engine import search
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def articles_have_statistics():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT COUNT(*) FROM sqlite_stat1 "
                "WHERE tbl = 'articles_article' AND idx = 'article_visible_idx'"
            )
        else:
            cursor.execute("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'articles_article'")
        return cursor.fetchone()[0] > 0


def ranking_query_plan(text):
    with CaptureQueriesContext(connection) as queries:
        search(text)
    (ranked,) = [query["sql"] for query in queries if "score" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {ranked}")
        return " / ".join(row[-1] for row in cursor.fetchall())


def test_after_a_reindex_search_reads_visibility_from_the_covering_index():
    for day in range(1, 6):
        make_article(headline=f"وزير الطاقة يزور المصفاة في اليوم {day}")

    call_command("reindex", verbosity=0)

    assert articles_have_statistics()
    if connection.vendor == "sqlite":
        plan = ranking_query_plan("وزير")
        assert "INDEX article_visible_idx" in plan, plan  # covering on the 30,666 of the archive
