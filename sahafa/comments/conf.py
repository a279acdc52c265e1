"""The comments app's settings. Each one may be set in Django settings or, for operators,
as an environment variable of the same name (README, «Comments»); Django settings win so
tests can override them."""

import os
import re

from django.conf import settings


def _rate(value):
    """ "10/600" → (10, 600): at most 10 posts per 600 seconds."""
    count, seconds = value.split("/")
    return int(count), int(seconds)


def _phrases(value):
    """Split on the Latin comma or the Arabic one («،»)."""
    return [phrase.strip() for phrase in re.split("[,،]", value) if phrase.strip()]


def _days(value):
    """Empty means comments never close."""
    return int(value) if str(value).strip() else None


_DEFAULTS = {
    # New comments wait for a moderator, unless the same email already has an approved one.
    "SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN": ("true", lambda value: value.lower() in {"1", "true"}),
    # Days after publication when the form closes, unless a section or article rule says else.
    "SAHAFA_COMMENTS_CLOSE_AFTER_DAYS": ("30", _days),
    # A person needs a few seconds to write anything; bots post at once.
    "SAHAFA_COMMENTS_MIN_FILL_SECONDS": ("3", float),
    # A form older than this is refused as stale (the page must be reloaded).
    "SAHAFA_COMMENTS_FORM_MAX_AGE": ("86400", int),
    "SAHAFA_COMMENTS_RATE_PER_IP": ("10/600", _rate),
    "SAHAFA_COMMENTS_RATE_PER_EMAIL": ("5/600", _rate),
    # More links than this holds the comment for a moderator.
    "SAHAFA_COMMENTS_MAX_LINKS": ("2", int),
    # Comma-separated words or phrases that mark a comment as spam (matched normalized);
    # moderators add more in the admin.
    "SAHAFA_COMMENTS_BLOCKLIST": ("", _phrases),
    # Dotted path of an extra checker (Akismet-style); see sahafa/comments/spam.py.
    "SAHAFA_COMMENTS_EXTERNAL_CHECKER": ("", str),
    # At most one "comments are waiting" email per this many seconds.
    "SAHAFA_COMMENTS_NOTIFY_EVERY": ("600", int),
    "SAHAFA_COMMENTS_MAX_DEPTH": ("3", int),
}


def comments_setting(name):
    if hasattr(settings, name):
        return getattr(settings, name)
    raw, parse = _DEFAULTS[name]
    return parse(os.environ.get(name, raw))
