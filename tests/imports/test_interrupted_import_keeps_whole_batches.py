"""A crash or Ctrl-C in the middle of an import leaves whole batches only — never an
article without its tag, byline or history — and running the import again finishes it,
search index and related lists included."""

import pytest

from sahafa.articles.models import Article, ArticleLogEntry, Byline
from sahafa.imports import importer
from sahafa.imports.importer import import_paths
from sahafa.related.models import Fingerprint
from sahafa.search.models import SearchEntry

pytestmark = pytest.mark.django_db


class Crash:
    """Stands in for a crash (or Ctrl-C) after the second batch's rows are written and
    before its transaction commits."""

    def __init__(self, error):
        self.error = error
        self.batches = 0
        self.write = importer._write

    def __call__(self, fields, cache):
        counts = self.write(fields, cache)
        self.batches += 1
        if self.batches == 2:
            raise self.error
        return counts


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_import_keeps_whole_batches_and_resumes(
    news_record, zip_file, monkeypatch, error
):
    path = zip_file([news_record() for _ in range(7)])
    monkeypatch.setattr(importer, "_write", Crash(error))

    with pytest.raises(type(error)):
        import_paths([path], batch_size=3)

    assert Article.objects.count() == 3
    assert Article.objects.published().count() == 3
    assert Byline.objects.count() == ArticleLogEntry.objects.count() == 3
    assert Article.tags.through.objects.count() == 3

    monkeypatch.undo()
    summary = import_paths([path], batch_size=3)

    assert (summary.created, summary.unchanged) == (4, 3)
    assert Article.objects.published().count() == 7
    assert Byline.objects.count() == ArticleLogEntry.objects.count() == 7
    # The first run never reached its bulk work; the second did it for all seven.
    assert SearchEntry.objects.count() == Fingerprint.objects.count() == 7


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
