"""Rate limits through Django's cache (Redis in production, so every worker shares them).

A fixed window per key: the first hit creates the counter with the window as its timeout,
and `incr` is atomic on Redis. Keys are keyed hashes, so no email or IP address is written
to the cache in the clear, nor as a plain (gravatar-style) hash.
"""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def over_limit(scope, key, rate):
    """Count one hit for `key` and say whether it went over `rate` = (count, seconds)."""
    most, window = rate
    window_number = int(time.time() // window)
    digest = salted_hmac("sahafa.comments.rate", key).hexdigest()[:40]
    cache_key = f"comments:rate:{scope}:{digest}:{window_number}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # the counter expired between add and incr
        cache.set(cache_key, 1, timeout=window + 1)
        hits = 1
    return hits > most
