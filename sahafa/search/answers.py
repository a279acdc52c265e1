"""Search answers kept for the next reader who asks the same thing.

A frequent word («الرياض») matches thousands of articles, and ranking them all is the
slowest thing search does; many readers type the same few words. So what the database
answered — the ranked ids, the count, any-term or not, «هل تقصد» — is kept in the cache
every process shares (`CACHE_URL`: the demo's file cache, Redis in production), under
the query as typed, its filters and the index's *generation*.

The generation is a random token that every write to the index replaces when its
transaction commits (`index_written()`, called by `indexing.py`): from that commit on, no
answer given before it is read again, in any process. A token rather than a counter: if
the cache loses it (eviction, `clear()`), the next reader draws a new one, which no stored
answer can carry.

Two things change an answer with nothing written to the index, so an answer is also kept
no longer than either allows:

- the clock moves the recency factor of every score (docs/search.md, Ranking): at most
  ``SAHAFA_SEARCH_CACHE_SECONDS`` (0 turns the cache off); in the default minute a
  story's factor moves by less than one part in ten thousand;
- a scheduled article becomes visible at its time: never past the next such moment.

The articles shown are read afresh, through the public filter, on every request
(`engine.search`): an article unpublished a moment before its index entry is removed is
already missing from a kept answer.
"""

import hashlib
import math
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from sahafa.articles.models import Article

GENERATION_KEY = "search:generation"
# Part of every answer's key: a release that changes what an answer holds never reads
# the previous release's answers.
FORMAT = 1


def index_written():
    """Call inside the transaction that writes to the index: when it commits, every answer
    kept so far is forgotten."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _new_token(), None))


def remembered(key, now, compute):
    """The answer kept for ``key`` (a tuple of plain values) if it is still exact at
    ``now``, else ``compute()``, kept for the next reader."""
    seconds = settings.SAHAFA_SEARCH_CACHE_SECONDS
    generation = _generation() if seconds else None
    if generation is None:
        return compute()
    name = "search:answer:" + hashlib.sha256(repr((FORMAT, generation, key)).encode()).hexdigest()
    kept = cache.get(name)
    if kept is not None and now < kept[0]:
        return kept[1]
    answer = compute()
    until = now + timedelta(seconds=seconds)
    due = Article.objects.next_going_live(now)
    if due is not None:
        until = min(until, due)
    cache.set(name, (until, answer), math.ceil((until - now).total_seconds()))
    return answer


def _generation():
    token = cache.get(GENERATION_KEY)
    if token is None:
        # Whoever adds first wins; every process then reads the same token.
        cache.add(GENERATION_KEY, _new_token(), None)
        token = cache.get(GENERATION_KEY)
    return token


def _new_token():
    return secrets.token_hex(16)
