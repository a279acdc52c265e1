"""Search and related lists index imports in bulk: one `articles_imported` per batch, with
the batch's new and changed articles, already published."""

import pytest

from sahafa.articles.models import Article
from sahafa.imports.importer import import_records

pytestmark = pytest.mark.django_db


def test_one_signal_per_batch_with_its_articles(news_record, imported_batches):
    records = [news_record() for _ in range(5)]

    import_records(records, batch_size=2)

    assert [len(batch) for batch in imported_batches] == [2, 2, 1]
    sent = [article for batch in imported_batches for article in batch]
    assert [a.source_url for a in sent] == [r["url"] for r in records]
    assert all(a.pk and a.status == Article.Status.PUBLISHED for a in sent)


def test_a_batch_with_nothing_new_sends_nothing(news_record, imported_batches):
    records = [news_record() for _ in range(3)]
    import_records(records)
    imported_batches.clear()

    import_records([*records, news_record(title="")])

    assert imported_batches == []
