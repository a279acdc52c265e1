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

# Cards of the pages readers ask for most: a few MB at most per process.
KEPT_FRAGMENTS = 2000

_content_version = None


def use_content_version(read):
    """`read()` returns the current content version, shared by every process."""
    global _content_version
    _content_version = read


def read_content_version(request):
    """Remember on `request` the content version as it is before the view reads anything:
    read later, a change committed during the render would file the old HTML under the
    new version."""
    if _content_version is not None:
        request.sahafa_content_version = _content_version()


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


def render(template_name, context, varies_by, request=None):
    """`template_name` rendered with `context`; the HTML is reused while the content
    version is unchanged and `varies_by` (everything in `context` that is not content, as
    hashable values) is equal."""
    version = getattr(request, "sahafa_content_version", None)
    if version is None:
        return mark_safe(loader.render_to_string(template_name, context))
    key = (template_name, get_language(), *varies_by)
    html = _kept.get(key, version)
    if html is None:
        html = mark_safe(loader.render_to_string(template_name, context))
        _kept.put(key, html, version)
    return html
