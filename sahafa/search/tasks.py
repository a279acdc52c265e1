"""The search index's background work. Safety net: `sahafa reindex`."""

from sahafa.background.retries import retried_task

from . import indexing


@retried_task
def index_articles(ids):
    """Bring the entries of `ids` in line with the articles as they are now."""
    indexing.index_articles(ids)
