"""Analyzed bodies handed from one bulk phase to the next, so a run analyzes each body once.

After a bulk import the search index and the related fingerprints both need every
article body's terms, ``body_terms(html)`` (about a millisecond an article: most of each
phase's work). Inside ``sharing_bodies()`` a phase that analyzed bodies ``keep``s their
terms and a later phase ``take``s them instead of analyzing again; what is taken is
forgotten, so the memory goes as it is used. A body is found by a digest of its HTML:
a body that changed between the phases is analyzed afresh, never given old terms.
Outside the scope nothing is kept and nothing is found.
"""

from contextlib import contextmanager
from hashlib import blake2b

from .analysis import analyze
from .html_text import plain_text

_kept = None


def body_terms(html: str) -> list[str]:
    """Index terms of an HTML body: ``analyze(plain_text(html))``."""
    return analyze(plain_text(html))


@contextmanager
def sharing_bodies():
    """Keep and hand over analyzed bodies until the block ends (nested blocks share one)."""
    global _kept
    outermost = _kept is None
    if outermost:
        _kept = {}
    try:
        yield
    finally:
        if outermost:
            _kept = None


def keep(html: str, terms: str) -> None:
    """Remember ``terms`` (``body_terms(html)`` joined by spaces) for a later phase."""
    if _kept is not None:
        _kept[_digest(html)] = terms


def take(html: str) -> str | None:
    """The kept terms of ``html`` (joined by spaces), forgotten once taken; else None."""
    if not _kept:
        return None
    return _kept.pop(_digest(html), None)


def _digest(html):
    return blake2b(html.encode(), digest_size=16).digest()
