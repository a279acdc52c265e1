import pytest

from sahafa.articles import signals

WORKFLOW_SIGNALS = [
    "article_submitted",
    "article_published",
    "article_unpublished",
    "article_archived",
    "article_returned",
]


@pytest.fixture
def signals_sent():
    """Every workflow signal sent during the story, as (signal name, article id)."""
    received = []
    receivers = []
    for name in WORKFLOW_SIGNALS:

        def receiver(sender, article, by, name=name, **kwargs):
            received.append((name, article.pk))

        getattr(signals, name).connect(receiver)
        receivers.append((name, receiver))
    yield received
    for name, receiver in receivers:
        getattr(signals, name).disconnect(receiver)
