"""Sami moves a twenty-year archive: hundreds of thousands of photos (attachments) and
pages besides the posts. The import holds nothing per item once its batch is written —
attachments, the ids already imported, the articles to index wait in a scratch file on
disk — so ten times the attachments leave the import holding no more memory."""

import tracemalloc

import pytest

from bench.import_wordpress import write_export
from sahafa.articles import signals

pytestmark = pytest.mark.django_db


def held_when_the_bulk_phase_starts(import_wordpress, path):
    """Bytes the import still holds, allocated since it started, when the last batch has
    committed and `articles_imported` goes out."""
    held = []

    def measure(sender, **kwargs):
        held.append(tracemalloc.get_traced_memory()[0])

    signals.articles_imported.connect(measure, dispatch_uid="held-by-the-import")
    # Before the bulk phase's own receivers (search, «شاهد أيضاً»), whose working memory
    # grows with the whole collection, not with this file.
    receivers = signals.articles_imported.receivers
    receivers.insert(0, receivers.pop())
    signals.articles_imported.sender_receivers_cache.clear()
    tracemalloc.start()
    try:
        import_wordpress(path)
    finally:
        tracemalloc.stop()
        signals.articles_imported.disconnect(dispatch_uid="held-by-the-import")
    return held[0]


def test_ten_times_the_attachments_hold_no_more_memory(tmp_path, import_wordpress):
    warm, small, large = (tmp_path / f"{name}.xml" for name in ("warm", "small", "large"))
    write_export(warm, 20, attachments=200, site="https://warm.example.org")
    write_export(small, 20, attachments=20, site="https://small.example.org")
    write_export(large, 20, attachments=200, site="https://large.example.org")
    import_wordpress(warm)  # modules and bounded caches (stems, words) filled before measuring

    small_held = held_when_the_bulk_phase_starts(import_wordpress, small)
    large_held = held_when_the_bulk_phase_starts(import_wordpress, large)

    # 3,600 more attachments: kept in memory (URL, caption, parent) they would be ~1 MB.
    assert large_held - small_held < 100_000, (small_held, large_held)
