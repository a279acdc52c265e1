"""Rate limits through Django's cache (Redis in production, so every worker shares them).

A fixed window per key that starts at the key's first hit: that hit creates the counter with
the window as its timeout, and `incr` (atomic on Redis) keeps the timeout. Keys are keyed
hashes, so no email or IP address is written to the cache in the clear, nor as a plain
(gravatar-style) hash.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def over_limit(scope, key, rate):
    """Count one hit for `key` and say whether it went over `rate` = (count, seconds)."""
    most, window = rate
    digest = salted_hmac("sahafa.comments.rate", key).hexdigest()[:40]
    cache_key = f"comments:rate:{scope}:{digest}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # the counter expired between add and incr
        cache.set(cache_key, 1, timeout=window + 1)
        hits = 1
    return hits > most
