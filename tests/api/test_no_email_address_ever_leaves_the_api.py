"""Journalists' accounts and commenters carry email addresses; none of them appears in any
answer of the API, whatever is asked."""

import pytest

from tests.factories import make_article, make_author, make_comment, make_section, make_user

pytestmark = pytest.mark.django_db

SECRET = "layla.private-inbox"


def test_no_endpoint_shows_an_email(reader):
    account = make_user("layla", email=f"{SECRET}@newsroom.example")
    writer = make_author("ليلى الحربي", user=account, bio="محررة")
    section = make_section("سياسة", slug="politics")
    story = make_article(section=section, authors=[writer], tags=["السعودية"])
    other = make_article("خبر آخر عن السعودية", section=section, authors=[writer])
    make_comment(story, email=f"{SECRET}.reader@example.com", name="قارئ")
    make_comment(other, email=f"{SECRET}.held@example.com", status="pending")

    answers = [
        reader.get(path, params)
        for path, params in [
            ("/api/v1/articles", {}),
            ("/api/v1/articles", {"author": writer.slug}),
            (f"/api/v1/articles/{story.pk}", {}),
            (f"/api/v1/articles/{other.pk}", {}),
            ("/api/v1/sections", {}),
            ("/api/v1/tags", {}),
            ("/api/v1/authors", {}),
            (f"/api/v1/authors/{writer.slug}", {}),
            ("/api/v1/search", {"q": "السعودية"}),
            ("/api/search", {"q": "السعودية"}),
            ("/api/openapi.json", {}),
        ]
    ]

    assert all(answer.status_code == 200 for answer in answers)
    for answer in answers:
        body = answer.content.decode()
        assert SECRET not in body and "@newsroom.example" not in body
    # The data really was there to leak: the author is shown, by name.
    assert "ليلى الحربي" in answers[2].content.decode()
