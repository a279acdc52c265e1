"""The «شاهد أيضاً» lists' background work. Safety net: `sahafa related --rebuild`."""

from sahafa.background.retries import retried_task

from . import engine


@retried_task
def refresh_lists(ids):
    """Bring the lists in line with the articles `ids` as they are now."""
    engine.refresh(ids)
