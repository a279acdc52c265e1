"""Port 8000 is taken, so the operator runs `make demo PORT=8011`: the canonical link, the
share buttons, the feeds and the sitemap name the port the demo serves on, so every link a
reader copies or a feed reader follows leads back to the demo."""

import re
from urllib.parse import quote

import pytest

from sahafa.background.addresses import follow_served_address, served_address
from tests.servers import get

ARTICLE_LINK = re.compile(r'<a href="(/[^/"]+/(\d+)/[^"]+/)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


@pytest.mark.deploy
@pytest.mark.django_db(transaction=True)
def test_the_demo_on_another_port_links_to_that_port(processes):
    port, _var = processes.demo(SAHAFA_ADMIN_PASSWORD="a-long-demo-password")
    address = f"http://127.0.0.1:{port}"

    front = get(port, "/")
    assert front.status == 200
    path, article_id = ARTICLE_LINK.search(front.body).groups()
    article = get(port, path)

    assert article.status == 200
    assert CANONICAL.search(article.body)[1] == address + path
    assert f'<meta property="og:url" content="{address}{path}">' in article.body
    assert quote(f"{address}/a/{article_id}", safe="/") in article.body  # the share buttons
    for listing in ("/feeds/", "/sitemap.xml", "/robots.txt"):
        text = get(port, listing).body
        assert address in text, listing
        assert ":8000" not in text, listing
    assert ":8000" not in article.body


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "http://127.0.0.1:8011"),
        ("0.0.0.0", "http://127.0.0.1:8011"),
        ("::", "http://[::1]:8011"),
        ("::1", "http://[::1]:8011"),
        ("demo.local", "http://demo.local:8011"),
    ],
)
def test_the_address_is_the_one_a_browser_on_the_machine_uses(host, expected):
    assert served_address(host, 8011) == expected


def test_an_address_the_operator_set_is_kept_whatever_the_port(settings, monkeypatch):
    monkeypatch.setenv("SAHAFA_BASE_URL", "https://news.example.org")
    settings.SAHAFA_BASE_URL = "https://news.example.org"

    follow_served_address("0.0.0.0", 8011)

    assert settings.SAHAFA_BASE_URL == "https://news.example.org"
