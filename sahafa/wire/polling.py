"""One poll of one feed: fetch, read, and file what is new or changed in the queue — all of
a document in one transaction, or, when it cannot be fetched or read, none of it and the
reason on the feed's row.

Each item joins the story it is a copy of (the related engine's copy test: the same
normalized headline, or most of the shorter text's shingles found in the other, a MinHash
estimate settled on the exact shingle sets), whichever agency sent it. An item the same
agency sent again — under its old identifier with changed text, or under a new one as a
copy of an item it sent before — is an update, and the drafts made from the earlier item
are flagged («تحديث من الوكالة»).
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import DatabaseError, transaction
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from sahafa.arabic import normalize, plain_text
from sahafa.related import fingerprints
from sahafa.related.scoring import Collection
from sahafa.related.scoring import Entry as Fingerprint

from .fetching import FetchError, fetch
from .models import ArticleSource, Feed, Story, WireItem
from .parsing import Malformed, parse

# How far back a new item is compared with the queue: an agency's copies and updates of a
# story come within hours; a week would only slow every poll.
STORY_WINDOW = timedelta(days=3)
logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    new: int = 0
    revised: int = 0
    error: str = ""


def poll(feed, now=None):
    """Poll `feed` now, whatever its schedule."""
    now = now or timezone.now()
    try:
        fetched = fetch(feed.url, feed.etag, feed.last_modified)
        entries = (
            [] if fetched.body is None else parse(feed.format, fetched.body, fetched.content_type)
        )
    except (FetchError, Malformed) as error:
        Feed.objects.filter(pk=feed.pk).update(last_error=str(error), last_error_at=now)
        return Outcome(error=str(error))
    try:
        with transaction.atomic():
            outcome = file_entries(feed, entries, now)
            Feed.objects.filter(pk=feed.pk).update(
                etag=fetched.etag[:300],
                last_modified=fetched.last_modified[:100],
                last_success_at=now,
            )
    except DatabaseError as error:
        # Rolled back whole; the other feeds of the tick go on.
        logger.exception("filing the items of feed %s failed", feed.pk)
        message = _("The feed's items could not be saved: %(error)s") % {"error": error}
        Feed.objects.filter(pk=feed.pk).update(last_error=message, last_error_at=now)
        return Outcome(error=message)
    return outcome


def file_entries(feed, entries, now=None):
    """File a document's entries in the queue (inside the caller's transaction)."""
    now = now or timezone.now()
    latest = {entry.guid: entry for entry in entries}  # an identifier twice: its last copy
    known = {item.guid: item for item in feed.items.filter(guid__in=list(latest))}
    stories = None  # read when the first new item comes
    outcome = Outcome()
    for entry in latest.values():
        item = known.get(entry.guid)
        if item is not None and item.content_hash == content_hash(entry):
            continue  # sent again as it was
        fields = item_fields(entry, now)
        if item is None:
            stories = stories or Stories(now)
            item = stories.file(WireItem(feed=feed, guid=entry.guid, received_at=now, **fields))
            outcome.new += 1
        else:
            for name, value in fields.items():
                setattr(item, name, value)
            item.revised_at = now
            item.save()
            Story.objects.filter(pk=item.story_id).update(
                latest_at=Greatest("latest_at", item.sent_at)
            )
            flag_drafts(ArticleSource.objects.filter(item=item), item)
            outcome.revised += 1
    return outcome


def item_fields(entry, now):
    text = plain_text(entry.body)
    profile = fingerprints.profile_text(
        fingerprints.Text(0, entry.headline, entry.summary, entry.body)
    )
    return {
        "headline": entry.headline,
        "summary": entry.summary,
        "body": entry.body,
        "link": entry.link,
        # An agency's clock ahead of ours would keep its item on top of the queue.
        "sent_at": min(entry.sent_at or now, now),
        "content_hash": content_hash(entry),
        "search_text": normalize(f"{entry.headline} {entry.summary} {text}"),
        "headline_key": profile.headline_key,
        "signature": profile.signature,
        "shingle_hashes": profile.shingle_hashes,
    }


def content_hash(entry):
    content = "\0".join([entry.headline, entry.summary, entry.body, entry.link])
    return hashlib.sha256(content.encode()).hexdigest()


def flag_drafts(sources, update):
    sources.exclude(item=update, update=update).update(update=update)


class Stories:
    """The queue's recent items as the related engine's fingerprint collection, grouped by
    story, to find the story a new item belongs to."""

    def __init__(self, now):
        recent = WireItem.objects.filter(received_at__gte=now - STORY_WINDOW).order_by("pk")
        rows = list(
            recent.values_list(
                "pk",
                "story_id",
                "feed_id",
                "sent_at",
                "headline_key",
                "signature",
                "shingle_hashes",
            )
        )
        self.collection = Collection(_fingerprint(row[0], *row[4:]) for row in rows)
        self.members = {}  # story id: [(position, item id, feed id, sent at)]
        for position, (pk, story_id, feed_id, sent_at, *_rest) in enumerate(rows):
            self.members.setdefault(story_id, []).append((position, pk, feed_id, sent_at))

    def file(self, item):
        """Save the new `item` in the story it is a copy of, or in a story of its own."""
        position = len(self.collection)
        self.collection.append(
            [_fingerprint(0, item.headline_key, item.signature, item.shingle_hashes)]
        )
        story_id = self.story_of(position)
        if story_id is None:
            item.story = Story.objects.create(latest_at=item.sent_at)
        else:
            Story.objects.filter(pk=story_id).update(latest_at=Greatest("latest_at", item.sent_at))
            item.story_id = story_id
            earlier = [m for m in self.members[story_id] if m[2] == item.feed_id]
            if earlier:
                item.update_of_id = max(earlier, key=lambda member: member[3])[1]
        item.save()
        self.members.setdefault(item.story_id, []).append(
            (position, item.pk, item.feed_id, item.sent_at)
        )
        if item.update_of_id:
            flag_drafts(
                ArticleSource.objects.filter(item__story_id=item.story_id, item__feed=item.feed_id),
                item,
            )
        return item

    def story_of(self, position):
        # The most recently active story first: an update belongs with the latest telling.
        ordered = sorted(
            self.members.items(), key=lambda pair: -max(m[3].timestamp() for m in pair[1])
        )
        for story_id, members in ordered:
            if self.collection.is_copy_of_any(position, [member[0] for member in members]):
                return story_id
        return None


def _fingerprint(pk, headline_key, signature, shingle_hashes):
    return Fingerprint(
        article_id=pk,
        vector={},
        signature=bytes(signature),
        shingle_hashes=bytes(shingle_hashes),
        headline_key=headline_key,
        section_id=0,
        timestamp=0.0,
        tag_ids=frozenset(),
    )


def poll_due(now=None):
    """Poll every active feed whose time has come. A feed is claimed by moving its next
    poll forward in one conditional update, so two workers never poll it together."""
    now = now or timezone.now()
    polled = 0
    for feed in Feed.objects.filter(active=True, next_poll_at__lte=now):
        claimed = Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(
            next_poll_at=now + timedelta(minutes=feed.poll_minutes)
        )
        if claimed:
            poll(feed, now)
            polled += 1
    return polled
