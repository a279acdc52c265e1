"""Breaking news: thousands of readers open the same pages. The second reader of a page
gets the bytes the first one caused to be rendered, with headers any browser or CDN
understands; staff and one-reader pages never come from the shared store."""

import gzip

import pytest

from tests.factories import make_article, make_section, make_user
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db


def test_the_second_reader_gets_the_stored_page():
    article = make_article()

    first = fetch(article.get_absolute_url())
    second = fetch(article.get_absolute_url())

    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert second.body == first.body
    assert "بوتين" in second.body.decode()
    assert second.headers["etag"] == first.headers["etag"]
    # One copy for every reader, whatever their cookies or language, in any shared cache.
    assert first.headers["vary"] == second.headers["vary"] == "Accept-Encoding"
    # Every header the site adds reaches the second reader too.
    assert second.headers["x-content-type-options"] == "nosniff"
    assert second.headers["x-frame-options"] == "DENY"


def test_a_stored_page_says_what_it_shows_and_how_long_to_keep_it():
    section = make_section("اقتصاد")
    article = make_article(section=section)

    page = fetch(article.get_absolute_url())

    assert {f"article-{article.pk}", "site"} <= page.keys
    assert page.headers["cache-tag"] == ",".join(sorted(page.keys))
    control = page.headers["cache-control"]
    assert control.startswith("public, max-age=0, s-maxage=")
    assert "stale-while-revalidate=300" in control and "stale-if-error=86400" in control
    assert "set-cookie" not in page.headers
    listing = fetch(section.get_absolute_url())
    assert {f"section-{section.pk}", f"article-{article.pk}"} <= listing.keys


def test_pages_are_compressed_for_readers_who_accept_gzip():
    article = make_article()
    fetch(article.get_absolute_url())

    plain = fetch(article.get_absolute_url())
    compressed = fetch(article.get_absolute_url(), accept_encoding="gzip, br")

    assert compressed.headers["content-encoding"] == "gzip"
    assert gzip.decompress(compressed.body) == plain.body
    assert int(compressed.headers["content-length"]) == len(compressed.body) < len(plain.body)


def test_a_browser_that_has_the_page_gets_304():
    article = make_article()
    etag = fetch(article.get_absolute_url()).headers["etag"]

    again = fetch(article.get_absolute_url(), if_none_match=etag)

    assert (again.status, again.body) == (304, b"")
    assert again.headers["etag"] == etag


def test_staff_with_a_session_never_get_or_leave_a_stored_page(client):
    article = make_article()
    fetch(article.get_absolute_url())
    client.force_login(make_user(group="محرر"))
    session = f"sessionid={client.cookies['sessionid'].value}"

    staff = fetch(article.get_absolute_url(), cookie=session)

    assert staff.cache is None
    assert "private" in staff.headers["cache-control"]


def test_a_readers_own_link_is_rendered_for_them_alone():
    article = make_article()
    fetch(article.get_absolute_url())

    own = fetch(article.get_absolute_url(), query="held=abc")

    assert own.cache is None
    assert "private" in own.headers["cache-control"]


def test_each_page_of_a_listing_is_stored_apart():
    section = make_section()
    stories = [make_article(f"خبر رقم {n}", section=section) for n in range(25)]

    first = fetch(section.get_absolute_url())
    second = fetch(section.get_absolute_url(), query="page=2")
    again = fetch(section.get_absolute_url(), query="page=2")

    assert first.body != second.body
    assert again.cache == "HIT" and again.body == second.body
    assert stories[0].headline in second.body.decode()


def test_with_the_cache_off_every_reader_gets_a_fresh_render(settings):
    settings.SAHAFA_PAGE_CACHE_SECONDS = 0
    article = make_article()
    fetch(article.get_absolute_url())

    assert fetch(article.get_absolute_url()).cache is None


def test_the_first_reader_who_accepts_gzip_gets_it_with_its_own_length():
    article = make_article()

    first = fetch(article.get_absolute_url(), accept_encoding="gzip")

    assert (first.cache, first.headers["content-encoding"]) == ("MISS", "gzip")
    assert int(first.headers["content-length"]) == len(first.body)
    assert "بوتين" in gzip.decompress(first.body).decode()
