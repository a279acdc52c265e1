"""Where cached pages live: one entry per URL in Django's cache, and one version per
surrogate key. Purging a key gives it a new version; an entry stored under older versions
of any of its keys is never served again. Works with any cache every process shares.

Checking an entry's keys costs one read per key (45 for the front page; on the file cache
a file each), so each process also remembers the entries it served lately, valid until
the next purge anywhere: every purge writes a new stamp, and a hit reads only the stamp
(sahafa/pagecache/stamps.py).
"""

import hashlib
import time
import zlib
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from sahafa.articles.fragments import KeptPerVersion

from . import stamps

PREFIX = "pagecache"
# After its freshness, an entry may still be served while one process renders it again.
STALE_SECONDS = 300


@dataclass
class Entry:
    status: int
    headers: list  # [(name, value)]
    body: bytes
    gzipped: bytes
    etag: str
    fresh_until: float
    versions: dict  # {surrogate key: version when stored}

    def is_fresh(self, now):
        return now < self.fresh_until


def entry_key(path, query):
    digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()[:32]
    return f"{PREFIX}:page:{digest}"


def lock_key(path, query):
    return entry_key(path, query) + ":rendering"


def _version_key(key):
    return f"{PREFIX}:v:{key}"


# Entries remembered per process: the pages readers ask for most, a few MB at most.
REMEMBERED_ENTRIES = 256


_remembered = KeptPerVersion(REMEMBERED_ENTRIES)


def purge_stamp():
    return stamps.current().read()


# What no announcement reached (a change made straight in the database, or by a process
# with another cache) shows within five minutes: nothing is kept between renders longer.
UNANNOUNCED_LIMIT_SECONDS = 300

# (the stamp it was read under, the next moment pages change with nothing saved)
_next_unannounced_change = (None, None)


def content_version(stamp):
    """The version of everything readers see, for what processes keep between renders
    (cards, «شاهد أيضاً» boxes): the purge `stamp` a request started under; the next
    moment pages change with nothing saved — a scheduled article going live, a breaking
    item leaving the ticker — so that nothing made before that moment is reused after it;
    and the current span of `UNANNOUNCED_LIMIT_SECONDS`. That moment is looked up again
    only after a purge (scheduling is announced) or once it has passed."""
    from sahafa.articles.models import Article

    global _next_unannounced_change
    read_under, moment = _next_unannounced_change
    now = timezone.now()
    if read_under != stamp or (moment is not None and now >= moment):
        moment = Article.objects.next_unannounced_change(now)
        _next_unannounced_change = (stamp, moment)
    return stamp, moment, int(time.time() // UNANNOUNCED_LIMIT_SECONDS)


def versions(keys):
    found = cache.get_many([_version_key(key) for key in keys])
    return {key: found.get(_version_key(key), 0) for key in keys}


def purge(keys):
    """Every stored page showing any of `keys` is forgotten, in every process."""
    version = time.time_ns()
    cache.set_many({_version_key(key): version for key in keys}, timeout=None)
    # After the versions: a process that sees the new stamp finds the new versions too.
    stamps.current().advance(version)


def load(path, query):
    """The stored entry, if none of its keys was purged since it was stored."""
    stamp = purge_stamp()
    entry = _remembered.get((path, query), stamp)
    if entry is not None and entry.is_fresh(time.time()):
        return entry
    entry = cache.get(entry_key(path, query))
    if entry is None or versions(entry.versions) != entry.versions:
        return None
    _remembered.put((path, query), entry, stamp)
    return entry


def save(path, query, status, headers, body, keys, lifetime, started_ns):
    """Store a page rendered from `started_ns` on, unless one of its keys was purged since
    then: the render may have read what the purge was about."""
    current = versions(keys)
    if any(version > started_ns for version in current.values()):
        return None
    entry = Entry(
        status=status,
        headers=headers,
        body=body,
        gzipped=_gzip(body),
        etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        fresh_until=time.time() + lifetime,
        versions=current,
    )
    cache.set(entry_key(path, query), entry, timeout=int(lifetime) + STALE_SECONDS)
    return entry


def _gzip(body):
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: gzip framing
    return compressor.compress(body) + compressor.flush()
