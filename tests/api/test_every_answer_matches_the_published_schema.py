"""A partner's developer trusts /api/openapi.json alone. schemathesis reads the live schema
and sends each operation examples built from it, valid and invalid, through the entrance
the server runs (the page cache in front of Django): no answer is a server error, and
every answer — 200, 400, 404 — has a documented status, content type and shape.

Deterministic: a fixed seed and derandomized Hypothesis, a bounded number of examples and
no example database, so the same requests are sent on every run."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sahafa.wsgi import application
from tests.factories import make_article, make_author, make_comment, make_section, make_tag

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CONFIG = schemathesis.Config.from_dict(
    {"seed": 20261203, "generation": {"max-examples": 25, "database": "none"}}
)


@pytest.fixture
def newspaper(db, settings):
    """A small newspaper for the requests to find, and no rate limit in the way."""
    settings.SAHAFA_API_RATE = (1000000, 60)
    politics = make_section("سياسة", slug="politics")
    author = make_author("ليلى الحربي")
    article = make_article(
        section=politics, authors=[author], tags=["السعودية"], standfirst="موجز الخبر"
    )
    make_comment(article)
    make_article("خبر في قسم آخر", section=make_section("اقتصاد", slug="economy"))
    make_tag("وسم بلا مقالات")
    # The test's transaction must outlive each request, as with Django's test client.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The schema as the server publishes it (building it reads no database).
schema = schemathesis.openapi.from_wsgi(
    "/api/openapi.json", application, config=CONFIG, headers={"Host": "127.0.0.1"}
)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_matches_the_published_schema(newspaper, case):
    # Uncompressed: the WSGI test client hands schemathesis the bytes as sent.
    case.call_and_validate(
        checks=CHECKS, headers={"Host": "127.0.0.1", "Accept-Encoding": "identity"}
    )
