"""The «شاهد أيضاً» lists' background work. Safety net: `sahafa related --rebuild`."""

from sahafa.background.retries import retried_task


@retried_task
def refresh_lists(ids):
    """Bring the lists in line with the articles `ids` as they are now."""
    # The engine's numpy and SciPy load in the process that runs the task, not in every
    # web worker that enqueues it (sahafa/related/receivers.py).
    from . import engine

    engine.refresh(ids)
