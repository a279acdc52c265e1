"""An import announces each committed batch like any other change, and sends one
`articles_imported` at the end, with every article it created or changed, for the search
index and the related lists to do their work in bulk."""

import pytest

from sahafa.articles.models import Article
from sahafa.articles.signals import articles_imported
from sahafa.imports.importer import import_records
from sahafa.related.models import Fingerprint
from sahafa.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def import_ends():
    """Every `articles_imported`, as the set of ids it carried."""
    sent = []

    def receiver(sender, ids, **kwargs):
        sent.append(set(ids))

    articles_imported.connect(receiver)
    yield sent
    articles_imported.disconnect(receiver)


def test_each_batch_is_announced_and_the_run_ends_with_one_bulk_signal(
    news_record, announced, import_ends
):
    records = [news_record() for _ in range(5)]

    import_records(records, batch_size=2)

    ids = set(Article.objects.values_list("pk", flat=True))
    assert [reason for reason, _id in announced] == ["imported"] * 5
    assert {article_id for _reason, article_id in announced} == ids
    assert import_ends == [ids]
    assert all(
        status == Article.Status.PUBLISHED
        for status in Article.objects.values_list("status", flat=True)
    )
    assert set(SearchEntry.objects.values_list("pk", flat=True)) == ids
    assert set(Fingerprint.objects.values_list("pk", flat=True)) == ids


def test_a_run_with_nothing_new_announces_nothing(news_record, announced, import_ends):
    records = [news_record() for _ in range(3)]
    import_records(records)
    announced.clear()
    import_ends.clear()

    import_records([*records, news_record(title="")])

    assert announced == []
    assert import_ends == [set()]
