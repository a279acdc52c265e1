"""What forgets cached pages: every announced change, through one function, `forget()`.

Policy: the page cache forgets at once, after the change commits (a set of version
numbers, cheap and shared by every process); a CDN is purged by a retried task.
"""

from django.conf import settings

from sahafa.articles import signals as article_signals
from sahafa.comments import signals as comment_signals
from sahafa.frontpage import signals as front_page_signals
from sahafa.mostread import signals as most_read_signals
from sahafa.related import signals as related_signals
from sahafa.revisions import signals as revision_signals

from . import cdn, store

# Past this many keys (a bulk import, a rebuild), forgetting every page is as exact as it
# needs to be, and a CDN takes one key instead of thousands.
MAX_KEYS = 500


def forget(keys):
    keys = sorted(keys)
    if not keys:
        return
    if len(keys) > MAX_KEYS:
        keys = ["site"]
    store.purge(keys)
    if settings.SAHAFA_PURGE_URL:
        cdn.purge_keys.enqueue(keys)


def on_articles_changed(sender, keys, **kwargs):
    forget(keys)


def on_site_changed(sender, **kwargs):
    forget(["site"])


def on_comment_verdict(sender, comment, **kwargs):
    # The article's page shows the thread; every card of it shows the count.
    forget([f"article-{comment.article_id}"])


def on_closing_rules_changed(sender, keys, **kwargs):
    forget(keys)


def on_related_lists_changed(sender, ids, **kwargs):
    forget(f"related-{pk}" for pk in ids)


def on_most_read_changed(sender, **kwargs):
    forget(["most-read"])


def on_corrections_changed(sender, ids, **kwargs):
    # The articles' own pages are forgotten by the seam's announcement; the list here.
    forget(["corrections"])


def on_arrangement_changed(sender, **kwargs):
    forget(["front-page"])


def connect():
    article_signals.articles_changed.connect(on_articles_changed, dispatch_uid="pagecache")
    article_signals.site_changed.connect(on_site_changed, dispatch_uid="pagecache")
    for signal in comment_signals.VERDICT_SIGNALS:
        signal.connect(on_comment_verdict, dispatch_uid="pagecache")
    comment_signals.closing_rules_changed.connect(
        on_closing_rules_changed, dispatch_uid="pagecache"
    )
    related_signals.lists_changed.connect(on_related_lists_changed, dispatch_uid="pagecache")
    most_read_signals.lists_changed.connect(on_most_read_changed, dispatch_uid="pagecache")
    revision_signals.corrections_changed.connect(on_corrections_changed, dispatch_uid="pagecache")
    front_page_signals.arrangement_changed.connect(on_arrangement_changed, dispatch_uid="pagecache")
