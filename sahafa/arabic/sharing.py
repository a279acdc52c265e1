"""Analyzed bodies handed from one bulk phase to the next, so a run analyzes each body once.

After a bulk import the search index and the related fingerprints both need every
article body's terms, ``body_terms(html)`` (about a millisecond an article: most of each
phase's work). Inside ``sharing_bodies()`` a phase that analyzed bodies ``keep``s their
terms and a later phase ``take``s them instead of analyzing again; what is taken is
forgotten. What is kept waits on disk, in a private SQLite file that SQLite unlinks as
it opens it (nothing is left behind even by kill -9), so a run of 100,000 articles does
not hold 100,000 bodies' terms in memory. A body is found by a digest of its HTML: a
body that changed between the phases is analyzed afresh, never given old terms.
Outside the scope nothing is kept and nothing is found.
"""

import sqlite3
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
        # An empty name: a private temporary file, deleted by SQLite (unlinked on open).
        _kept = sqlite3.connect("", isolation_level=None)
        # A rowid table: the terms are appended in order, only the digests' index is sorted
        # (keyed by the digest itself, every insert moved kilobytes about: ten times slower).
        _kept.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE kept (digest BLOB PRIMARY KEY, terms TEXT);"
        )
    try:
        yield
    finally:
        if outermost:
            _kept.close()
            _kept = None


def keep(html: str, terms: str) -> None:
    """Remember ``terms`` (``body_terms(html)`` joined by spaces) for a later phase."""
    if _kept is not None:
        _kept.execute("INSERT OR REPLACE INTO kept VALUES (?, ?)", (_digest(html), terms))


def take(html: str) -> str | None:
    """The kept terms of ``html`` (joined by spaces), forgotten once taken; else None."""
    if _kept is None:
        return None
    taken = _kept.execute("DELETE FROM kept WHERE digest = ? RETURNING terms", (_digest(html),))
    rows = taken.fetchall()
    return rows[0][0] if rows else None


def _digest(html):
    return blake2b(html.encode(), digest_size=16).digest()
