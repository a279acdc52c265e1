"""A scraper hammering the API slows down before the database does: past the limit an
anonymous client gets 429 in JSON with Retry-After, counted in the shared cache (so every
server process counts together); other clients and the newsroom's staff go on.

The windows here are long (the count starts again at a multiple of the window since
1970), so no story can straddle two windows and see its count start again."""

import pytest
from django.test import Client

from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

LONG = 10**9  # seconds: the next window starts in 2033


def test_past_the_limit_a_client_waits(reader, settings):
    settings.SAHAFA_API_RATE = (3, LONG)
    make_article()

    answers = [reader.get("/api/v1/articles").status_code for _ in range(3)]
    refused = reader.get("/api/v1/sections")

    assert answers == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/json")
    assert refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= LONG
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert "no-store" in refused["Cache-Control"]
    # Another address has its own count.
    neighbour = Client(REMOTE_ADDR="198.51.100.7")
    assert neighbour.get("/api/v1/articles").status_code == 200


def test_signed_in_staff_are_not_limited(settings):
    settings.SAHAFA_API_RATE = (1, LONG)
    editor = Client()
    editor.force_login(make_user(group="محرر"))

    assert [editor.get("/api/v1/sections").status_code for _ in range(3)] == [200, 200, 200]
