"""Counting views in the shared cache (Redis in production), never in the database.

One counter per article per hour (`cache.add` creates it, `cache.incr` counts: atomic on
Redis, and under the cache's lock in local memory), so any number of processes count
without losing a view. The first view of an article in an hour also writes the article's
id into that hour's index (a numbered slot, its number from another atomic counter), which
is how the fold (`fold.py`) finds the counters without listing the cache's keys.

Not counted: bots (their User-Agent), signed-in newsroom staff, and a reader who opens the
same story again within `SAHAFA_MOST_READ_REPEAT_SECONDS` (one key per address and article,
created by `cache.add`: only the first view in that time creates it). The address is kept
as a keyed hash, never in the clear.
"""

import hmac
import re
import time
from functools import lru_cache
from hashlib import sha1

from django.conf import settings
from django.core.cache import cache, caches
from django.utils.crypto import constant_time_compare, salted_hmac

from sahafa.rediscache import RedisCache

PREFIX = "mostread"
# The hour counters and their index outlive the hour long enough for a fold that was late
# (a worker down for a day) to find them.
KEEP_SECONDS = 49 * 3600
HOUR = 3600

# Crawlers, link previews, monitors and command-line clients. Browsers' User-Agent strings
# contain none of these words.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|"
    r"uptime|headless|phantomjs|lighthouse|curl|wget|python|httpie|go-http-client|java/|"
    r"okhttp|libwww|scrapy|feed|^$",
    re.IGNORECASE,
)


def hour_number(now=None):
    """The hour `now` falls in, as hours since the epoch (UTC)."""
    return int((time.time() if now is None else now) // HOUR)


def counter_key(hour, article_id):
    return f"{PREFIX}:views:{hour}:{article_id}"


def slots_key(hour):
    return f"{PREFIX}:slots:{hour}"


def slot_key(hour, number):
    return f"{PREFIX}:slot:{hour}:{number}"


def signature(article_id):
    """What the page gives the beacon with the article's id: only pages Sahafa rendered
    can count a view, so nobody fills the hour indexes with made-up ids."""
    return _signature(settings.SECRET_KEY, article_id)


@lru_cache(maxsize=4096)  # a busy hour's beacons name a few hundred stories, again and again
def _signature(secret, article_id):
    return salted_hmac("sahafa.mostread.beacon", str(article_id), secret=secret).hexdigest()[:20]


def signed(article_id, given):
    return constant_time_compare(signature(article_id), given or "")


@lru_cache(maxsize=1024)  # readers share a few hundred User-Agent strings; the pattern costs ~15 µs
def is_bot(user_agent):
    return BOTS.search(user_agent or "") is not None


def is_newsroom(request):
    # Only the newsroom signs in: a reader has no session, so this reads nothing for them.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.is_staff


@lru_cache(maxsize=1)
def _reader_mac(secret):
    # salted_hmac()'s key, derived once: the same digests, without two hashes per view.
    return hmac.new(sha1(b"sahafa.mostread.reader" + secret.encode()).digest(), digestmod=sha1)


def reader_digest(address):
    """The reader's address as a keyed hash: never kept in the clear."""
    mac = _reader_mac(settings.SECRET_KEY).copy()
    mac.update(address.encode())
    return mac.hexdigest()[:32]


def first_view(address, article_id):
    """True the first time `address` views `article_id` in the repeat window."""
    key = f"{PREFIX}:seen:{reader_digest(address)}:{article_id}"
    return cache.add(key, 1, timeout=settings.SAHAFA_MOST_READ_REPEAT_SECONDS)


def _increment(key):
    """Add one to the counter `key`, creating it: the new value."""
    if cache.add(key, 1, timeout=KEEP_SECONDS):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: this view starts it again
        if cache.add(key, 1, timeout=KEEP_SECONDS):
            return 1
        return cache.incr(key)


def count(article_id, now=None):
    """One view of `article_id`, in the current hour's counter."""
    hour = hour_number(now)
    if _increment(counter_key(hour, article_id)) == 1:
        # The hour's first view of this article: the fold must find its counter.
        number = _increment(slots_key(hour))
        cache.set(slot_key(hour, number), article_id, timeout=KEEP_SECONDS)


# The same steps as first_view() and count(), in one round trip to Redis instead of four
# (each a system call or two, most of a beacon's cost). Values are plain integers, which
# Django's Redis cache reads back as they are.
_COUNT_SCRIPT = """
if not redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then return 0 end
if redis.call('INCR', KEYS[2]) == 1 then
  redis.call('EXPIRE', KEYS[2], ARGV[2])
  local number = redis.call('INCR', KEYS[3])
  if number == 1 then redis.call('EXPIRE', KEYS[3], ARGV[2]) end
  redis.call('SET', ARGV[3] .. number, ARGV[4], 'EX', ARGV[2])
end
return 1
"""


def _count_on_redis(redis_cache, address, article_id, now=None):
    script = redis_cache.script(_COUNT_SCRIPT)
    hour = hour_number(now)
    # make_key(), not make_and_validate_key(): these keys are ours, short and plain ASCII.
    keys = [
        redis_cache.make_key(f"{PREFIX}:seen:{reader_digest(address)}:{article_id}"),
        redis_cache.make_key(counter_key(hour, article_id)),
        redis_cache.make_key(slots_key(hour)),
    ]
    # Django's keys are the prefix, the version and the key joined: the script adds the
    # slot's number at the end.
    slot_prefix = redis_cache.make_key(slot_key(hour, ""))
    repeat = settings.SAHAFA_MOST_READ_REPEAT_SECONDS
    return bool(script(keys=keys, args=[repeat, KEEP_SECONDS, slot_prefix, article_id]))


def view(meta, article_id, newsroom=False):
    """Count the view a request reports (`meta`: its request.META or WSGI environ), unless
    it is a bot's, the newsroom's or a repeat. Whether it was counted."""
    if newsroom or is_bot(meta.get("HTTP_USER_AGENT")):
        return False
    address = meta.get("REMOTE_ADDR", "")
    if isinstance(caches["default"], RedisCache):
        return _count_on_redis(caches["default"], address, article_id)
    if not first_view(address, article_id):
        return False
    count(article_id)
    return True
