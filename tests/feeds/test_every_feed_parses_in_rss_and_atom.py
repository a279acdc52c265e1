"""Huda runs a news aggregator: she subscribes to the site, to every section, tag and
writer, in RSS or Atom, and her reader (feedparser, as most aggregators use) must read each
feed cleanly, in Arabic, with the whole story and the writers' names — never an email."""

from html.parser import HTMLParser
from urllib.parse import unquote

import feedparser
import pytest
from django.conf import settings

from sahafa.feeds.feeds import FEED_SIZE
from tests.factories import make_article, make_author, make_section, make_tag, make_user

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "huda.private.inbox.7731@example.net"


@pytest.fixture
def newspaper():
    politics = make_section("سياسة", slug="politics")
    sports = make_section("رياضة", slug="sports")
    elections = make_tag("الانتخابات")
    writer = make_author(
        "منى السالم",
        user=make_user("mona", email=SECRET_EMAIL),
    )
    vote = make_article(
        "البرلمان يقر قانون الانتخابات",
        section=politics,
        tags=[elections],
        authors=[writer],
        standfirst="تصويت بأغلبية واسعة بعد نقاش طويل.",
        body='<p>أقر البرلمان القانون.</p><p>التفاصيل في <a href="/a/1">الرابط</a>.</p>',
        by=make_user("editor-with-email", email=SECRET_EMAIL),
    )
    match = make_article("الهلال يفوز على النصر", section=sports, kicker="")
    draft = make_article("مسودة لا تنشر", section=politics, tags=[elections], published=False)
    return {
        "politics": politics,
        "sports": sports,
        "elections": elections,
        "writer": writer,
        "vote": vote,
        "match": match,
        "draft": draft,
    }


def read(reader, address):
    response = reader.get(address)
    assert response.status_code == 200, address
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (address, feed.get("bozo_exception"))
    assert SECRET_EMAIL not in response.content.decode()
    return response, feed


class _Alternates(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.found.append((attrs["type"], unquote(attrs["href"])))


def alternates(html):
    """The (type, address) of each <link rel="alternate"> of a page."""
    parser = _Alternates()
    parser.feed(html)
    return parser.found


def headlines(feed):
    return [entry.title for entry in feed.entries]


def every_feed(newspaper):
    """(address, headlines it must hold, headlines it must not) for every feed."""
    politics, sports = newspaper["politics"], newspaper["sports"]
    tag, writer = newspaper["elections"], newspaper["writer"]
    vote, match = newspaper["vote"].headline, newspaper["match"].headline
    return [
        ("/feeds/", [vote, match], []),
        (f"/feeds/{politics.slug}/", [vote], [match]),
        (f"/feeds/{sports.slug}/", [match], [vote]),
        (f"/feeds/tag/{tag.slug}/", [vote], [match]),
        (f"/feeds/author/{writer.slug}/", [vote], [match]),
    ]


@pytest.mark.parametrize("flavour", ["", "atom/"])
def test_every_feed_is_clean_arabic_with_its_own_stories(reader, newspaper, flavour):
    for address, present, absent in every_feed(newspaper):
        _response, feed = read(reader, address + flavour)
        found = " | ".join(headlines(feed))
        assert all(headline in found for headline in present), (address + flavour, found)
        assert not any(headline in found for headline in absent), (address + flavour, found)
        assert "مسودة" not in found
        assert feed.feed.language == "ar"
        expected_self = settings.SAHAFA_BASE_URL + address + flavour
        self_links = [unquote(link.href) for link in feed.feed.links if link.rel == "self"]
        assert self_links == [expected_self]


def the_vote(reader, address, content_type, version):
    """The site feed in one format, and its entry for the parliament's vote."""
    response, feed = read(reader, address)
    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert b'xml:lang="ar"' in response.content
    return feed, next(entry for entry in feed.entries if "البرلمان" in entry.title)


def test_rss_carries_the_whole_story_and_the_writers_name(reader, newspaper):
    _feed, vote = the_vote(reader, "/feeds/", "application/rss+xml", "rss20")
    content = vote.content[0].value
    assert "أقر البرلمان القانون." in content
    assert "تصويت بأغلبية واسعة" in content
    assert f'href="{settings.SAHAFA_BASE_URL}/a/1"' in content  # absolute, not the reader's
    assert vote.author == "منى السالم"
    assert vote.link == settings.SAHAFA_BASE_URL + newspaper["vote"].get_absolute_url()


def test_atom_carries_the_whole_story_and_the_writers_page(reader, newspaper):
    feed, vote = the_vote(reader, "/feeds/atom/", "application/atom+xml", "atom10")
    assert "أقر البرلمان القانون." in vote.content[0].value
    assert vote.authors == [
        {
            "name": "منى السالم",
            "href": settings.SAHAFA_BASE_URL + newspaper["writer"].get_absolute_url(),
        }
    ]
    # A story without a byline is the newspaper's own: Atom's feed-level author.
    match = next(entry for entry in feed.entries if "الهلال" in entry.title)
    assert "authors" not in match
    assert feed.feed.author == settings.SAHAFA_SITE_NAME


def test_a_feed_holds_the_newest_thirty_stories(reader, newspaper):
    for n in range(FEED_SIZE + 5):
        make_article(f"خبر رياضي رقم {n}", section=newspaper["sports"])

    for address in (
        f"/feeds/{newspaper['sports'].slug}/",
        f"/feeds/{newspaper['sports'].slug}/atom/",
    ):
        _response, feed = read(reader, address)
        assert len(feed.entries) == FEED_SIZE
        assert "خبر رياضي رقم 34" in feed.entries[0].title
        assert "الهلال" not in " ".join(headlines(feed))


def test_pages_point_feed_readers_to_their_feeds(reader, newspaper):
    politics, tag, writer = newspaper["politics"], newspaper["elections"], newspaper["writer"]
    pages = {
        "/": ["/feeds/", "/feeds/atom/"],
        politics.get_absolute_url(): [f"/feeds/{politics.slug}/", f"/feeds/{politics.slug}/atom/"],
        tag.get_absolute_url(): [f"/feeds/tag/{tag.slug}/", f"/feeds/tag/{tag.slug}/atom/"],
        writer.get_absolute_url(): [
            f"/feeds/author/{writer.slug}/",
            f"/feeds/author/{writer.slug}/atom/",
        ],
    }
    for page, (rss, atom) in pages.items():
        advertised = alternates(reader.get(page).content.decode())
        assert ("application/rss+xml", rss) in advertised, page
        assert ("application/atom+xml", atom) in advertised, page
        # Each advertised feed answers and parses.
        for _type, address in advertised:
            read(reader, address)


def test_feeds_of_things_that_do_not_exist_are_404(reader, newspaper):
    for address in (
        "/feeds/no-such-section/",
        "/feeds/tag/no-such-tag/atom/",
        "/feeds/author/nobody/",
    ):
        assert reader.get(address).status_code == 404
