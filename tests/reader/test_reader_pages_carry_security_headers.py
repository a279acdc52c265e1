"""A reader on a café's Wi-Fi opens the news. Every reader page tells the browser to run
scripts from this site only (a Content-Security-Policy with no inline script and no
nonce, since the page cache hands the same bytes to every reader), carries no inline
script or event handler, and sets no CSRF cookie; over https the site insists on https."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.core.wsgi import get_wsgi_application
from django.test import Client

from sahafa.pagecache.wsgi import PageCacheApplication
from tests.factories import make_article, make_author, make_comment, make_section, make_tag
from tests.pagecache.wsgi_client import fetch


@pytest.fixture
def newsroom_output():
    section = make_section("اقتصاد", slug="economy")
    author = make_author("هدى الشمري")
    article = make_article(section=section, authors=[author], tags=["النفط"])
    make_comment(article)
    return {
        "front page": "/",
        "article": article.get_absolute_url(),
        "section": section.get_absolute_url(),
        "tag": make_tag("النفط").get_absolute_url(),
        "author": author.get_absolute_url(),
        "search": "/search/?q=النفط",
        "feed": "/feeds/",
    }


def policy_of(response):
    return dict(
        (directive.split()[0], directive.split()[1:])
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )


class ScriptsAndHandlers(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline_scripts, self.handlers = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.inline_scripts.append(attrs)


def test_every_reader_page_allows_scripts_from_this_site_only(reader, newsroom_output):
    for name, url in newsroom_output.items():
        response = reader.get(url)
        assert response.status_code == 200, name
        policy = policy_of(response)

        assert policy["script-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"], name
        assert policy["frame-ancestors"] == ["'none'"], name
        assert "nonce-" not in response["Content-Security-Policy"], name
        assert "unsafe-inline" not in response["Content-Security-Policy"], name


def test_reader_pages_hold_no_inline_script_or_event_handler(reader, newsroom_output):
    for name, url in newsroom_output.items():
        if name == "feed":
            continue
        found = ScriptsAndHandlers()
        found.feed(reader.get(url).content.decode())

        assert found.inline_scripts == [], name
        assert found.handlers == [], name


def test_anonymous_reader_pages_set_no_csrf_cookie(reader, newsroom_output):
    """A cookie would make the page one reader's: the page cache would not store it, and
    a stored page must not carry one reader's token to the next."""
    for name, url in newsroom_output.items():
        response = reader.get(url)

        assert "csrftoken" not in response.cookies, name
        assert not response.cookies, name
        assert not re.search(r"csrfmiddlewaretoken", response.content.decode()), name


def test_a_stored_page_keeps_the_policy_for_the_next_reader(newsroom_output):
    first = fetch(newsroom_output["article"])
    second = fetch(newsroom_output["article"])

    assert second.cache == "HIT"
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]


@pytest.fixture
def https_site(settings):
    """The site as `SAHAFA_BASE_URL=https://…` configures it, behind nginx."""
    settings.SAHAFA_BASE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = ["news.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The server's own entrance, built with these settings.
    return PageCacheApplication(get_wsgi_application())


def test_over_https_readers_are_sent_to_https_and_told_to_stay(https_site, newsroom_output):
    url = newsroom_output["article"]

    secure = fetch(url, application=https_site, host="news.example.org", x_forwarded_proto="https")
    stored = fetch(url, application=https_site, host="news.example.org", x_forwarded_proto="https")
    plain = fetch(url, application=https_site, host="news.example.org", x_forwarded_proto="http")

    assert secure.status == 200
    assert secure.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    assert stored.cache == "HIT"
    # A stored page is never handed out over http: the reader is sent to https first.
    assert plain.status == 301
    assert plain.headers["location"].startswith("https://news.example.org/")


def test_an_error_page_keeps_its_own_style_under_the_policy():
    """The 400 and 500 pages carry their style inline (nothing else to load when things
    fail): the policy allows exactly that style, by its hash, and no other."""
    scanner = Client(enforce_csrf_checks=True, raise_request_exception=False)
    scanner.cookies["csrftoken"] = "x" * 32

    response = scanner.generic(
        "POST", "/", b"q=caf%E9", content_type="application/x-www-form-urlencoded; charset=latin-1"
    )

    assert response.status_code == 400
    style = re.search(rb"<style>(.*?)</style>", response.content, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(style).digest()).decode()
    assert policy_of(response)["style-src"] == ["'self'", f"'sha256-{digest}'"]
