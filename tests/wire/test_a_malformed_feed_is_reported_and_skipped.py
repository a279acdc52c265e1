"""A feed that cannot be read is skipped whole — never half-imported — and the reason is
on its row in the newsroom, in Arabic, with its time; the other agencies are not held up."""

import pytest

from sahafa.wire import polling, tasks
from sahafa.wire.models import Feed, WireItem

pytestmark = pytest.mark.django_db

# Two good items, then the document breaks off.
TRUNCATED_RSS = (
    __import__("pathlib").Path(__file__).parent / "feeds" / "spa.xml"
).read_bytes().split(b"</item>")[0] + b"</item><item><title>\xd8\xae\xd8\xa8\xd8\xb1"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title>
<item><title>&lol2;</title><guid>x</guid></item></channel></rss>"""


def test_a_broken_feed_files_nothing_and_says_why_on_its_row(agency, editor):
    broken = agency.feed("واس", "/spa/rss.xml", TRUNCATED_RSS)
    agency.feed("رويترز", "/reuters/ninjs.json", "reuters.json")

    tasks.poll_due_feeds.enqueue()

    assert not WireItem.objects.filter(feed=broken).exists()
    assert WireItem.objects.filter(feed__name="رويترز").count() == 2
    broken.refresh_from_db()
    assert broken.last_error.startswith("الملف ليس XML سليماً")
    assert broken.last_error_at is not None
    page = editor.get("/admin/wire/feed/").content.decode()
    assert "الملف ليس XML سليماً" in page


def test_a_feed_mended_later_is_read_whole(agency):
    feed = agency.feed("واس", "/spa/rss.xml", TRUNCATED_RSS)
    assert polling.poll(feed).error

    agency.publish("/spa/rss.xml", "spa.xml")
    outcome = polling.poll(feed)

    assert (outcome.new, outcome.error) == (2, "")
    assert WireItem.objects.filter(feed=feed).count() == 2


def test_entities_and_dtds_are_refused(agency):
    feed = agency.feed("أ ف ب", "/afp/atom.xml", BILLION_LAUGHS)

    outcome = polling.poll(feed)

    assert "DTD" in outcome.error
    assert not WireItem.objects.exists()


def test_a_document_that_is_no_feed_or_bad_json_is_refused(agency):
    html = agency.feed("واس", "/spa/page.xml", b"<html><body><p>\xd9\x84\xd8\xa7</p></body></html>")
    json = agency.feed("رويترز", "/reuters/ninjs.json", b'{"items": [{"uri": "a", "headline"')
    headless = agency.feed(
        "رويترز 2", "/reuters/headless.json", b'{"items": [{"uri": "urn:a", "body_text": "x"}]}'
    )

    assert polling.poll(html).error == "المستند ليس خلاصة RSS ولا Atom."
    assert polling.poll(json).error.startswith("مستند NINJS ليس JSON صالحاً")
    assert polling.poll(headless).error.startswith("تعذرت قراءة مادة NINJS رقم 1")
    assert not WireItem.objects.exists()


def test_a_feed_too_large_or_unreachable_is_reported(agency, settings):
    settings.SAHAFA_WIRE_MAX_BYTES = 1000
    large = agency.feed("واس", "/spa/rss.xml", "spa.xml")
    missing = agency.feed("أ ف ب", "/afp/gone.xml")

    assert "أكبر من 1000 بايت" in polling.poll(large).error
    assert "404" in polling.poll(missing).error
    assert Feed.objects.exclude(last_error="").count() == 2
