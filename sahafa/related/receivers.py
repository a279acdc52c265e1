"""How the related lists follow the articles (connected in RelatedConfig.ready()).

Policies: a change is handled by a task after its transaction commits, off the newsroom's
request; a bulk import is handled at the end of the run, at once, in memory. A failure
never touches the change it follows: the task is retried, and `sahafa related --rebuild`
is the safety net.
"""

from sahafa.articles import signals

from . import tasks

# What never changes a list: an import batch (the import's `articles_imported` lists the
# whole run at once), a renamed section, tag or author (lists compare texts and ids, not
# names; a section of 20,000 articles would otherwise be refingerprinted one by one), and
# a body rewritten with the same words (`sahafa resanitize`).
IGNORED_REASONS = {"imported", "renamed", "markup"}


def on_changed(sender, ids, reasons, **kwargs):
    if reasons <= IGNORED_REASONS:
        return
    tasks.refresh_lists.enqueue(sorted(ids))


def on_imported(sender, ids, progress, **kwargs):
    # Imported here, not above: the engine brings numpy, SciPy and datasketch, which a web
    # worker (it only enqueues `refresh_lists`) never needs.
    from . import engine

    engine.index_imported(ids, progress)


def connect():
    signals.articles_changed.connect(on_changed, dispatch_uid="related")
    signals.articles_imported.connect(on_imported, dispatch_uid="related")
