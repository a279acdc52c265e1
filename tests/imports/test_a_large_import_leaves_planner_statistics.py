"""After a large import the database's planner knows how big the archive is, so the front
page walks the newest-first index instead of sorting every article — whether or not the
server runs autovacuum, and on SQLite, which keeps no statistics unless asked."""

import pytest
from django.db import connection

from sahafa.imports import importer
from sahafa.imports.importer import import_records

pytestmark = pytest.mark.django_db


def articles_have_statistics():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is None:
                return False
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'articles_article'")
        else:
            cursor.execute("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'articles_article'")
        return cursor.fetchone()[0] > 0


def test_a_large_import_refreshes_the_planners_statistics(news_record, monkeypatch):
    monkeypatch.setattr(importer, "ANALYZE_AFTER", 3)  # "large", for a test's archive
    assert not articles_have_statistics()

    import_records([news_record() for _ in range(3)])

    assert articles_have_statistics()
