"""The purge stamp: one value, shared by every process, that changes at every purge. A
process trusts what it remembers (stored pages, kept cards) while the stamp is unchanged,
so a cache hit reads the stamp and nothing else; how it is read depends on the cache.

- Any shared cache: a key, one cache read per check.
- The file cache (one machine): the length of a file that grows by a byte at every purge;
  a check is a stat(), where a cache read opens, reads and unpickles a file (half of a
  hit's time).
- Redis: the key, and a message on a pub/sub channel at every purge. Each process reads
  the key once, then only looks whether a message is waiting on its subscription (no
  round trip), and reads the key again when one is. Redis has written the message to
  every subscriber before it answers the purge's PUBLISH, so a request that starts after
  the purge's answer finds it waiting.
"""

import fcntl
import os
import threading
import time

import redis
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.dispatch import receiver

KEY = "pagecache:purged"


class SharedStamp:
    def read(self):
        stamp = cache.get(KEY)
        if stamp is None:
            # Never written, or evicted: a new stamp, so no process trusts what it remembers.
            cache.add(KEY, time.time_ns(), timeout=None)
            stamp = cache.get(KEY)
        return stamp

    def advance(self, version):
        cache.set(KEY, version, timeout=None)


class FileStamp:
    def __init__(self, folder):
        self.folder = folder
        self.path = os.path.join(folder, "pagecache-purges")

    def read(self):
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            self.advance(None)
            status = os.stat(self.path)
        return status.st_ino, status.st_size

    def advance(self, version):
        # The file grows by one byte, under a lock so that no two purges give it the same
        # size; its length, not its time, because two purges can fall within the file
        # system's timestamp granularity. Growing with ftruncate() leaves a hole: the
        # file takes no disk space, however many purges it counts.
        os.makedirs(self.folder, exist_ok=True)
        stamp = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(stamp, fcntl.LOCK_EX)
            os.ftruncate(stamp, os.fstat(stamp).st_size + 1)
        finally:
            os.close(stamp)


class RedisStamp(SharedStamp):
    def __init__(self, client, channel):
        self.client, self.channel = client, channel
        self._lock = threading.Lock()
        self._subscription = None
        self._pid = None
        self._stamp = None

    def read(self):
        with self._lock:
            try:
                self._follow()
            except redis.RedisError:
                # No subscription for now: read the key at every check until one is made.
                self._close()
                return super().read()
            if self._stamp is None:
                self._stamp = super().read()
            return self._stamp

    def _follow(self):
        if self._subscription is None or self._pid != os.getpid():
            # A forked process starts its own subscription: a socket is not shared.
            self._subscription = self.client.pubsub(ignore_subscribe_messages=True)
            self._subscription.subscribe(self.channel)
            # Where redis-py is set to retry, it reconnects and subscribes again by itself:
            # messages sent meanwhile are lost, so after a reconnection the key is read
            # again. (Otherwise a lost connection raises, and read() falls back.)
            self._subscription.connection.register_connect_callback(self._reconnected)
            self._pid = os.getpid()
            self._stamp = None  # read after subscribing: no purge falls in between
        while self._subscription.get_message(timeout=0) is not None:
            self._stamp = None

    def _reconnected(self, connection):
        self._stamp = None

    def _close(self):
        if self._subscription is not None and self._pid == os.getpid():
            self._subscription.close()
        self._subscription = self._stamp = None

    def advance(self, version):
        super().advance(version)
        self.client.publish(self.channel, version)


_redis_stamps = {}
_redis_stamps_lock = threading.Lock()


_current = None


def current():
    """The stamp of the cache this process uses: chosen at the first use (looking up the
    cache costs as much as reading the stamp), again when the cache setting changes."""
    global _current
    if _current is None:
        _current = _stamp_of(caches["default"])
    return _current


@receiver(setting_changed)
def _forget_current(setting, **kwargs):
    global _current
    if setting == "CACHES":
        _current = None


def _stamp_of(backend):
    if isinstance(backend, FileBasedCache):
        return FileStamp(backend._dir)
    if isinstance(backend, RedisCache):
        # Channels are not per database: the channel names the server, database and prefix.
        channel = f"{backend._servers[0]}/{backend.make_key(KEY)}"
        stamp = _redis_stamps.get(channel)
        if stamp is None:
            with _redis_stamps_lock:
                stamp = _redis_stamps.setdefault(
                    channel, RedisStamp(backend._cache.get_client(write=True), channel)
                )
        return stamp
    return SharedStamp()
