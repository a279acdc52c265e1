"""The API's rate limit for anonymous clients, counted in Django's cache (Redis in
production), so every server process shares one count per client.

A fixed window: the counter of the current window (its number is in the key) is created
by `cache.add` and counted by `cache.incr`, atomic on Redis, so two processes never lose a
hit between a read and a write. Past the limit the client is answered 429 with
Retry-After: the seconds until the window ends. The client is the connection's address
(`REMOTE_ADDR`; `X-Forwarded-For` is forgeable), stored as a keyed hash, never in the
clear. Signed-in staff are not limited. Pages answered from the page cache never reach
Django, so they are not counted: the limit protects the database, which they do not touch.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from ninja.throttling import BaseThrottle


def rate():
    """(requests, seconds) from SAHAFA_API_RATE ("N/S", read by sahafa/env.py)."""
    return settings.SAHAFA_API_RATE


class AnonymousRateLimit(BaseThrottle):
    def allow_request(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        most, window = rate()
        now = time.time()
        number = int(now // window)
        client = request.META.get("REMOTE_ADDR", "")
        digest = salted_hmac("sahafa.api.rate", client).hexdigest()[:40]
        key = f"api:rate:{digest}:{window}:{number}"
        cache.add(key, 0, timeout=window + 1)
        try:
            hits = cache.incr(key)
        except ValueError:  # evicted between add and incr: this hit starts it again
            cache.set(key, 1, timeout=window + 1)
            hits = 1
        return hits <= most

    def wait(self):
        """Seconds until the current window ends (ninja asks right after a refusal)."""
        _most, window = rate()
        return window - time.time() % window
