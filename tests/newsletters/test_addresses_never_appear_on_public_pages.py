"""Readers' addresses stay in the newsletter's table and the emails sent to them: no public
page shows one, not the pages a subscriber is sent to from the emails, not the front page
or an article, not the feeds or the API."""

import pytest
from django.core.management import call_command

from tests.factories import make_article

from .inbox import confirm_link, confirmed, mails_to, sign_up, unsubscribe_link

pytestmark = pytest.mark.django_db

ADDRESSES = ["layla@example.com", "omar.k@example.org"]


def test_no_page_a_reader_can_reach_shows_an_address(reader, client):
    article = make_article()
    confirmed(reader, ADDRESSES[0])
    sign_up(client, ADDRESSES[1], ip="198.51.100.3")
    call_command("send_digest")
    (digest,) = [m for m in mails_to(ADDRESSES[0]) if "List-Unsubscribe" in m.extra_headers]
    pending_link = confirm_link(mails_to(ADDRESSES[1])[0])

    pages = [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        "/feeds/",
        "/sitemap-news.xml",
        "/api/v1/articles",
        "/newsletter/check-your-inbox/",
        pending_link,
        unsubscribe_link(digest),
        "/newsletter/confirm/not-a-token/",
    ]
    for path in pages:
        answer = client.get(path)
        assert answer.status_code in (200, 404), path
        for address in ADDRESSES:
            assert address not in answer.content.decode(), path

    for answer in (client.post(pending_link), client.post(unsubscribe_link(digest))):
        for address in ADDRESSES:
            assert address not in answer.content.decode()
