"""Django's Redis cache with one Redis client per connection pool, not one per call.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` for every cache call,
and building one fills its table of about 170 response callbacks: 0.3 ms of CPU here, three
times in each view beacon (most of its work) and once in every page cache hit. A
`redis.Redis` may be shared by threads (each command takes a connection from the pool, and
the pool starts anew in a forked process), so each pool gets one, made on first use.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ClientPerPool

    def script(self, source):
        """A Lua script on the server writes go to, for what the cache API cannot say in
        one round trip; call it with keys from `make_and_validate_key()`."""
        scripts = self.__dict__.setdefault("_scripts", {})
        if source not in scripts:
            scripts[source] = self._cache.get_client(write=True).register_script(source)
        return scripts[source]
