"""Reader-page fragments rendered once per version of the site's content, kept per process.

A card is the same HTML for every reader until something readers see changes: rendering
the forty cards of the front page was a third of its time. Each process keeps the
fragments it rendered, keyed by what varies per request (a card's time text and comment
count) and by the content version: a number that changes whenever anything readers see
changes. The core knows no such number; an add-on that does (the page cache's purge stamp,
written on every announced change) registers it with `use_content_version()`. Without one,
nothing is kept and every fragment is rendered.
"""

import threading
from collections import OrderedDict

from django.template import loader
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import surrogate

# Cards of the pages readers ask for most: a few MB at most per process.
KEPT_FRAGMENTS = 2000

_read_stamp = _version_at = None


def use_content_version(read_stamp, version_at=lambda stamp: stamp):
    """`read_stamp()` returns a value, shared by every process, that changes whenever
    anything readers see changes; `version_at(stamp)` the content version under that stamp
    now (it may add what changes with nothing written: time passing). The second is asked
    only when a fragment is wanted, so that pages keeping none pay nothing more."""
    global _read_stamp, _version_at
    _read_stamp, _version_at = read_stamp, version_at


def read_content_version(request):
    """Remember on `request` the stamp as it is before the view reads anything: read
    later, a change committed during the render would file the old HTML under the new
    version."""
    if _read_stamp is not None:
        request.sahafa_content_stamp = _read_stamp()


def _version(request):
    if request is None or not hasattr(request, "sahafa_content_stamp"):
        return None
    if not hasattr(request, "sahafa_content_version"):
        request.sahafa_content_version = _version_at(request.sahafa_content_stamp)
    return request.sahafa_content_version


class KeptPerVersion:
    """What a process keeps while a shared version stays the same: a new version forgets
    everything, and what was made under an older one is not kept."""

    def __init__(self, limit):
        self._lock = threading.Lock()
        self._kept = OrderedDict()
        self._version = None
        self._limit = limit

    def get(self, key, version):
        with self._lock:
            if version != self._version:
                self._kept.clear()
                self._version = version
            value = self._kept.get(key)
            if value is not None:
                self._kept.move_to_end(key)
            return value

    def put(self, key, value, version):
        with self._lock:
            if version != self._version:
                return
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self._limit:
                self._kept.popitem(last=False)


_kept = KeptPerVersion(KEPT_FRAGMENTS)


def kept(key, make, request=None):
    """`make()`, reused while the content version is unchanged: `key` (hashable) names
    what was made and everything it depends on that is not content. The surrogate keys
    `make()` showed are shown again on every request that reuses it."""
    version = _version(request)
    if version is None:
        return make()
    key = (get_language(), *key)
    found = _kept.get(key, version)
    if found is None:
        found = surrogate.shown_while(request, make)
        _kept.put(key, found, version)
    elif found[1]:
        surrogate.show(request, *found[1])
    return found[0]


def same_for_every_reader(request):
    """Whether `request` is a reader's whom nobody signed in: what it is shown (forms
    without a CSRF token) may then be kept for every other. A page answered before the
    authentication middleware (an old address's 404) has no user at all."""
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


def render(template_name, context, varies_by, request=None):
    """`template_name` rendered with `context`; the HTML is reused while the content
    version is unchanged and `varies_by` (everything in `context` that is not content, as
    hashable values) is equal. `context` may be a function making it, called only when
    the HTML is not kept (a form is costly to build)."""
    return kept(
        (template_name, *varies_by),
        lambda: mark_safe(
            loader.render_to_string(template_name, context() if callable(context) else context)
        ),
        request,
    )
