"""From an agency's document to plain entries, or `Malformed` with the reason in Arabic.

RSS and Atom are read by feedparser, after defusedxml has checked that the document is
well-formed XML with no DTD (so no entity tricks: billion laughs, external entities):
feedparser forgives broken XML, and a feed it would half read must be refused whole.
NINJS (the IPTC's JSON for news items, 1.x and 2.x) is read as a JSON list of items, or
an object holding them under "items". IPTC NewsML-G2 is not read: its one Python parser
(IPTC's `newsmlg2`) is a partial implementation that parses with lxml's defaults
(entities resolved) and looks catalogues up on the network.
"""

import calendar
import html
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _

from sahafa.arabic import plain_text
from sahafa.articles.sanitize import sanitize_body

HEADLINE_LENGTH = 300
GUID_LENGTH = 500
LINK_LENGTH = 500


class Malformed(Exception):
    """The document cannot be read as the feed's format; the message says why, in Arabic."""


@dataclass
class Entry:
    guid: str
    headline: str
    summary: str
    body: str  # sanitized HTML
    link: str
    sent_at: datetime | None


def parse(format, document, content_type=""):
    if format == "ninjs":
        return parse_ninjs(document)
    return parse_feed(document, content_type)


def parse_feed(document, content_type=""):
    try:
        defusedxml.ElementTree.fromstring(document, forbid_dtd=True)
    except DefusedXmlException as error:
        raise Malformed(_("The feed declares a DTD or entities, which are refused.")) from error
    except defusedxml.ElementTree.ParseError as error:
        raise Malformed(
            _("The feed is not well-formed XML (%(error)s).") % {"error": error}
        ) from error
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(io.BytesIO(document), response_headers=headers)
    if not parsed.version:
        raise Malformed(_("The document is neither an RSS nor an Atom feed."))
    entries = []
    for number, entry in enumerate(parsed.entries, start=1):
        headline = html.unescape(entry.get("title", "")).strip()
        guid = entry.get("id") or entry.get("link") or ""
        if not headline or not guid:
            raise Malformed(
                _("Item %(number)d of the feed has no title or no identifier.") % {"number": number}
            )
        content = entry.get("content")
        summary = entry.get("summary", "")
        body = content[0].value if content else summary
        # Read as a plain dict: feedparser's own `get` answers "updated" with the
        # publication time, and warns that it will stop.
        when = dict.get(entry, "updated_parsed") or dict.get(entry, "published_parsed")
        entries.append(
            Entry(
                guid=guid[:GUID_LENGTH],
                headline=headline[:HEADLINE_LENGTH],
                # feedparser fills `summary` with the content when an entry has none.
                summary=_plain(summary) if content and summary != body else "",
                body=sanitize_body(body),
                link=_link(entry.get("link", "")),
                sent_at=datetime.fromtimestamp(calendar.timegm(when), UTC) if when else None,
            )
        )
    return entries


def parse_ninjs(document):
    try:
        data = json.loads(document.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Malformed(
            _("The NINJS document is not valid JSON (%(error)s).") % {"error": error}
        ) from error
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise Malformed(_("The NINJS document holds no list of items."))
    entries = []
    for number, item in enumerate(items, start=1):
        try:
            entry = _ninjs_entry(item)
        except (TypeError, ValueError, KeyError, AttributeError, IndexError) as error:
            raise Malformed(
                _("NINJS item %(number)d cannot be read (%(error)s).")
                % {"number": number, "error": error}
            ) from error
        if entry is not None:
            entries.append(entry)
    return entries


def _ninjs_entry(item):
    if item.get("pubstatus") in ("withheld", "canceled"):
        return None
    guid = item["uri"]
    # NINJS 1.x has "headline", 2.x a list of "headlines"; the same for bodies and
    # descriptions.
    headline = item.get("headline") or _first_value(item.get("headlines"))
    if not isinstance(guid, str) or not isinstance(headline, str) or not guid or not headline:
        raise ValueError(_("no uri or no headline"))
    body = item.get("body_html") or _first_value(item.get("bodies"), "text/html")
    if not body:
        text = item.get("body_text") or _first_value(item.get("bodies"), "text/plain") or ""
        body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line)
    sent = item.get("versioncreated") or item.get("firstcreated")
    return Entry(
        guid=guid[:GUID_LENGTH],
        headline=headline.strip()[:HEADLINE_LENGTH],
        summary=item.get("description_text") or _first_value(item.get("descriptions")) or "",
        body=sanitize_body(body),
        link=_link(guid),
        sent_at=_aware(datetime.fromisoformat(sent)) if sent else None,
    )


def _aware(moment):
    # NINJS times carry their offset; one that does not is taken as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _first_value(values, content_type=None):
    """The first "value" of a NINJS 2 list of {"value", "contenttype"…} objects."""
    for value in values or ():
        if content_type is None or value.get("contenttype", content_type) == content_type:
            return value.get("value") or value.get("href")
    return None


def _plain(markup):
    return " ".join(plain_text(markup).split())


def _link(value):
    value = (value or "").strip()
    return value[:LINK_LENGTH] if value.startswith(("http://", "https://")) else ""
