"""How the index follows the articles (connected in SearchConfig.ready()).

Policies: a change is re-indexed by a task after its transaction commits (once per
article per transaction, whatever the number of saves); a deletion adjusts the vocabulary
inside its transaction, while the entry's terms can still be read; a bulk import is
indexed at the end of the run, at once. `sahafa reindex` is the safety net.
"""

from sahafa.articles import signals

from . import indexing, tasks

# What never changes an entry: an import batch (the import's `articles_imported` indexes
# the whole run at once), and a body rewritten with the same words (`sahafa resanitize`).
IGNORED_REASONS = {"imported", "markup"}


def on_changed(sender, ids, reasons, **kwargs):
    if reasons <= IGNORED_REASONS:
        return
    tasks.index_articles.enqueue(sorted(ids))


def on_deleting(sender, ids, **kwargs):
    indexing.remove_from_index(ids)


def on_imported(sender, ids, progress, **kwargs):
    indexing.index_imported(ids, progress)


def connect():
    signals.articles_changed.connect(on_changed, dispatch_uid="search")
    signals.articles_deleting.connect(on_deleting, dispatch_uid="search")
    signals.articles_imported.connect(on_imported, dispatch_uid="search")
