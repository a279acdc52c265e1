"""An app developer who sends a bad request learns from the answer what to fix: 400 names
the parameter, 404 and 405 say what they are, all in JSON with Arabic messages — never an
HTML page, never a server error."""

import pytest

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def bad_fields(response):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["error"] == "invalid_parameter" and data["message"]
    return data["fields"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "2026-02-30"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"updated_since": "2026-13-01T00:00:00"}, "updated_since"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WyJ4IiwxXQ"}, "cursor"),  # a valid encoding of the wrong values
        ({"section": "nowhere"}, "section"),
        ({"tag": "nowhere"}, "tag"),
        ({"author": "nobody"}, "author"),
        ({"section": "<script>"}, "section"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
    ],
)
def test_a_bad_parameter_is_named(reader, params, field):
    make_article(section=make_section("سياسة", slug="politics"))

    fields = bad_fields(reader.get("/api/v1/articles", params))

    assert list(fields) == [field]
    assert all(message for message in fields[field])


def test_search_names_its_bad_parameters_too(reader, db):
    assert list(bad_fields(reader.get("/api/v1/search", {"q": "نفط", "from": "2026-02-30"}))) == [
        "from"
    ]
    assert list(bad_fields(reader.get("/api/v1/search", {"q": "نفط", "section": "nowhere"}))) == [
        "section"
    ]


def test_dates_far_in_the_past_or_future_are_no_error(reader):
    make_article()

    for moment in ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"]:
        assert reader.get("/api/v1/articles", {"since": moment}).status_code == 200
        assert reader.get("/api/v1/articles", {"until": moment}).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/api/v1/articles/999999", "/api/v1/authors/nobody", "/api/v1/nothing", "/api/v2/articles"],
)
def test_what_is_not_there_is_a_json_404(reader, db, path):
    response = reader.get(path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"] == "not_found"


def test_an_id_past_any_database_integer_is_a_400_not_a_crash(reader, db):
    assert list(bad_fields(reader.get(f"/api/v1/articles/{2**70}"))) == ["id"]


def test_writing_is_refused_in_json(reader, db):
    response = reader.post("/api/v1/articles", {"headline": "خبر"})

    assert response.status_code in (403, 405)
    assert response.json()["error"] in ("forbidden", "method_not_allowed")


def test_a_browser_app_on_another_origin_may_read(reader, db):
    preflight = reader.options(
        "/api/v1/articles",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
    )
    answer = reader.get("/api/v1/articles", headers={"Origin": "https://app.example"})

    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in answer["Access-Control-Expose-Headers"]
    # Reader pages are not shared with other origins.
    assert not reader.get("/").has_header("Access-Control-Allow-Origin")
