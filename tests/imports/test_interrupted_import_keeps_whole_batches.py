"""A crash or Ctrl-C in the middle of an import leaves whole batches only — never an
article without its tag, byline or history — and running the import again finishes it."""

import pytest

from sahafa.articles import signals
from sahafa.articles.models import Article, ArticleLogEntry, Byline
from sahafa.imports.importer import import_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_second_batch():
    """A subscriber to `articles_imported` that fails while the second batch is written."""
    calls = []

    def receiver(sender, articles, **kwargs):
        calls.append(len(articles))
        if len(calls) == 2:
            raise receiver.error

    signals.articles_imported.connect(receiver)
    yield receiver
    signals.articles_imported.disconnect(receiver)


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_import_keeps_whole_batches_and_resumes(
    news_record, zip_file, failing_second_batch, error
):
    path = zip_file([news_record() for _ in range(7)])
    failing_second_batch.error = error

    with pytest.raises(type(error)):
        import_paths([path], batch_size=3)

    assert Article.objects.count() == 3
    assert Article.objects.published().count() == 3
    assert Byline.objects.count() == ArticleLogEntry.objects.count() == 3
    assert Article.tags.through.objects.count() == 3

    signals.articles_imported.disconnect(failing_second_batch)
    summary = import_paths([path], batch_size=3)

    assert (summary.created, summary.unchanged) == (4, 3)
    assert Article.objects.published().count() == 7
    assert Byline.objects.count() == ArticleLogEntry.objects.count() == 7


def test_ctrl_c_between_batches_stops_after_the_committed_ones(news_record, json_file):
    path = json_file([news_record() for _ in range(5)])
    handled = []

    def progress(count):
        handled.append(count)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_paths([path], batch_size=2, progress=progress)

    assert handled == [2]
    assert Article.objects.published().count() == 2
