"""Behind the shipped nginx every request reaches Sahafa from 127.0.0.1; nginx names the
reader in X-Forwarded-For. Two readers behind it have a count each, and a client that
talks to Sahafa directly cannot pick another address by sending the header itself."""

import pytest
from django.test import Client

from tests.factories import make_article

pytestmark = pytest.mark.django_db

LONG = 10**9  # seconds: one window for the whole story


def through_nginx(reader_address):
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=reader_address)


def test_two_readers_behind_the_proxy_each_have_their_own_count(settings):
    settings.SAHAFA_API_RATE = (2, LONG)
    make_article()
    amal, badr = through_nginx("203.0.113.10"), through_nginx("203.0.113.20")

    assert [amal.get("/api/v1/sections").status_code for _ in range(3)] == [200, 200, 429]
    assert badr.get("/api/v1/sections").status_code == 200


def test_a_direct_client_cannot_claim_another_address(settings):
    settings.SAHAFA_API_RATE = (2, LONG)
    make_article()
    scraper = [
        Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
        for number in range(3)
    ]

    assert [client.get("/api/v1/sections").status_code for client in scraper] == [200, 200, 429]


def test_a_forged_hop_before_the_proxys_own_is_ignored(settings):
    # nginx appends the address it saw: whatever the client wrote before it is not believed.
    settings.SAHAFA_API_RATE = (2, LONG)
    make_article()
    forging = [through_nginx(f"10.0.0.{number}, 198.51.100.7") for number in range(3)]

    assert [client.get("/api/v1/sections").status_code for client in forging] == [200, 200, 429]
