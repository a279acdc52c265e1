"""A task for the retry story: it fails the first time it runs for a marker file."""

from pathlib import Path

from sahafa.background.retries import retried_task


@retried_task
def fails_once(marker):
    marker = Path(marker)
    if not marker.exists():
        marker.write_text("failed once")
        raise ConnectionError("the mail server did not answer")
    marker.write_text("done")
