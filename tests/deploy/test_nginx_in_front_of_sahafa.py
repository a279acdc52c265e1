"""The shipped nginx configuration (deploy/nginx/sahafa.conf), run by Debian's nginx in
front of `sahafa serve`: readers are answered from nginx's cache, the newsroom never is,
pages expire when Sahafa says, and static files never reach Python."""

import gzip
import os
import shutil
import time
import urllib.request

import pytest

from tests.factories import make_article
from tests.servers import get

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.deploy]

LIFETIME = 2


@pytest.fixture
def site(processes, shared_cache):
    if shutil.which("nginx") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing: .ci/run installs Debian's nginx")
        pytest.skip("needs Debian's nginx (apt-get install nginx)")
    # The newsroom's changes reach the server through the cache they share, as in
    # production; nginx hears of none of them and keeps pages for their lifetime.
    upstream, var = processes.sahafa(
        CACHE_URL=shared_cache, SAHAFA_PAGE_CACHE_SECONDS=str(LIFETIME)
    )
    return processes.nginx(upstream, var / "static")


def test_readers_are_answered_from_nginx_and_staff_never_are(site):
    make_article("البرلمان يقر قانون الانتخابات")

    first = get(site, "/")
    second = get(site, "/")
    staff = get(site, "/", Cookie="sessionid=abc")

    assert (first.status, first.headers["X-Proxy-Cache"]) == (200, "MISS")
    assert (second.status, second.headers["X-Proxy-Cache"]) == (200, "HIT")
    assert second.body == first.body and "البرلمان يقر" in second.body
    # The keys a CDN purges by (tests/pagecache) stay between nginx and Sahafa.
    for answer in (first, second):
        assert "Surrogate-Key" not in answer.headers and "Cache-Tag" not in answer.headers
    assert staff.headers["X-Proxy-Cache"] == "BYPASS"


def test_readers_with_their_own_cookies_and_languages_share_one_stored_page(site):
    # A stored page is one for every reader without a session: were it to say Vary:
    # Cookie, Accept-Language (as Django's middleware do), nginx would keep a copy per
    # analytics cookie and per browser language, and miss for most readers of a story.
    make_article("البرلمان يقر قانون الانتخابات")
    first = get(site, "/")
    assert (first.status, first.headers["X-Proxy-Cache"]) == (200, "MISS")
    assert first.headers["Vary"] == "Accept-Encoding"

    for headers in (
        {"Cookie": "_ga=GA1.2.123.456; theme=dark"},
        {"Accept-Language": "en-US,en;q=0.9"},
        {"Accept-Language": "ar-SA,ar;q=0.9", "Cookie": "_ga=GA1.2.789.012"},
    ):
        other = get(site, "/", **headers)
        assert (other.headers["X-Proxy-Cache"], other.body) == ("HIT", first.body), headers

    # Compressed and plain copies are kept apart by the cache key, not by Vary.
    compressed = _gzipped(site, "/")
    again = _gzipped(site, "/", Cookie="_ga=GA1.2.3.4")
    assert (compressed[0], again[0]) == ("MISS", "HIT") and again[1] == first.body


def _gzipped(port, path, **headers):
    """(nginx's cache status, the page) for a reader whose browser takes gzip."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": "gzip", **headers}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        page = gzip.decompress(response.read()).decode()
        return response.headers["X-Proxy-Cache"], page


def test_a_page_expires_when_sahafa_says_and_shows_the_news(site):
    get(site, "/")
    assert get(site, "/").headers["X-Proxy-Cache"] == "HIT"  # its file now held open
    make_article("عاجل: زلزال يضرب جزيرة سومطرة")

    time.sleep(LIFETIME + 1)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        page = get(site, "/")
        if "زلزال يضرب" in page.body:
            break
        time.sleep(0.2)
    again = get(site, "/")

    assert "زلزال يضرب" in page.body
    # From the new file, not the descriptor nginx kept open for the old one.
    assert again.headers["X-Proxy-Cache"] == "HIT" and "زلزال يضرب" in again.body


def test_static_files_are_served_by_nginx_for_a_year(site):
    css = get(site, "/static/sahafa/site.css")

    assert css.status == 200
    assert "immutable" in css.headers["Cache-Control"]
    assert "X-Proxy-Cache" not in css.headers
