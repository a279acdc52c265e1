"""Nour builds the newspaper's phone app from /api/docs alone: the front list, an article
with everything its screen shows, the sections menu, tags, authors and search, with
absolute links and times she can show as they are."""

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sahafa.related.models import RelatedPin
from tests.factories import make_article, make_author, make_comment, make_section, make_tag

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"
# The smallest GIF: a lead image needs a file.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def test_an_article_has_everything_its_screen_shows(reader):
    politics = make_section("سياسة", slug="politics")
    writer = make_author("ليلى الحربي")
    story = make_article(
        "الرياض تستضيف قمة الطاقة",
        section=politics,
        authors=[writer],
        tags=["الطاقة"],
        standfirst="قادة العالم يجتمعون لبحث أسعار النفط",
        dateline="الرياض",
        body="<p>افتتحت القمة صباح اليوم.</p><script>alert(1)</script><p>وتستمر يومين.</p>",
        lead_image=SimpleUploadedFile("summit.gif", GIF, content_type="image/gif"),
        lead_image_caption="قاعة المؤتمرات",
        lead_image_credit="واس",
        published_at=timezone.make_aware(datetime(2026, 3, 1, 10, 30)),
    )
    pinned = make_article("أسعار النفط بعد القمة", section=politics)
    RelatedPin.objects.create(article=story, pinned=pinned)
    make_comment(story)
    make_comment(story, status="pending")

    response = reader.get(f"/api/v1/articles/{story.pk}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["kicker"] == story.kicker
    assert data["headline"] == "الرياض تستضيف قمة الطاقة"
    assert data["standfirst"] == "قادة العالم يجتمعون لبحث أسعار النفط"
    assert data["dateline"] == "الرياض"
    assert data["body_html"] == "<p>افتتحت القمة صباح اليوم.</p><p>وتستمر يومين.</p>"
    assert data["body_text"] == "افتتحت القمة صباح اليوم.\nوتستمر يومين."
    image = data["lead_image"]
    assert image["url"].startswith(f"{BASE}/media/articles/2026/")
    assert (image["caption"], image["alt"], image["credit"]) == (
        "قاعة المؤتمرات",
        "قاعة المؤتمرات",
        "واس",
    )
    assert image["renditions"] == []
    assert data["authors"] == [
        {
            "id": writer.pk,
            "slug": writer.slug,
            "name": "ليلى الحربي",
            "url": f"{BASE}/author/{writer.slug}/",
        }
    ]
    assert data["section"]["slug"] == "politics" and data["section"]["url"] == f"{BASE}/politics/"
    assert [tag["name"] for tag in data["tags"]] == ["الطاقة"]
    assert data["url"] == BASE + story.get_absolute_url()
    assert data["short_url"] == f"{BASE}/a/{story.pk}"
    assert data["api"] == f"{BASE}/api/v1/articles/{story.pk}"
    assert data["see_also"]["headline"] == "أسعار النفط بعد القمة"
    assert data["see_also"]["api"] == f"{BASE}/api/v1/articles/{pinned.pk}"
    assert data["related"] == []
    assert data["comment_count"] == 1
    # Cairo (the tests' zone) is UTC+2 in March: the time as the newsroom gave it.
    assert data["published_at"] == "2026-03-01T10:30:00+02:00"
    assert datetime.fromisoformat(data["updated_at"]).utcoffset() is not None


def test_the_list_is_newest_first_and_pages_by_cursor_without_repeats(reader):
    section = make_section("اقتصاد", slug="economy")
    same_moment = timezone.now() - timedelta(hours=1)
    # Five stories published in the same second: the order must still be stable.
    tied = [
        make_article(f"خبر متزامن {n}", section=section, published_at=same_moment) for n in range(5)
    ]
    newest = make_article("أحدث خبر", section=section)

    first = reader.get("/api/v1/articles", {"limit": 4}).json()
    assert [item["headline"] for item in first["items"]][:1] == ["أحدث خبر"]
    # A story published while Nour pages does not shift the next page.
    make_article("خبر عاجل جديد", section=section)
    second = reader.get(first["next"].removeprefix(BASE)).json()

    seen = [item["id"] for item in first["items"] + second["items"]]
    assert seen == [newest.pk, *sorted((article.pk for article in tied), reverse=True)]
    assert second["next"] is None and second["next_cursor"] is None


def test_filters_by_section_tag_author_and_time(reader):
    politics, sports = make_section("سياسة", slug="politics"), make_section("رياضة", slug="sports")
    writer = make_author("سارة العتيبي")
    now = timezone.now()
    old = make_article("خبر قديم", section=politics, published_at=now - timedelta(days=10))
    match = make_article("مباراة الأمس", section=sports, authors=[writer], tags=["الهلال"])
    make_article("خبر سياسي جديد", section=politics)

    def headlines(**params):
        response = reader.get("/api/v1/articles", params)
        assert response.status_code == 200, response.content
        return [item["headline"] for item in response.json()["items"]]

    assert headlines(section="sports") == ["مباراة الأمس"]
    assert headlines(tag=make_tag("الهلال").slug) == ["مباراة الأمس"]
    assert headlines(author=writer.slug) == ["مباراة الأمس"]
    assert headlines(until=(now - timedelta(days=1)).isoformat()) == ["خبر قديم"]
    assert "خبر قديم" not in headlines(since=(now - timedelta(days=1)).isoformat())
    # Incremental sync: only what changed since the last one.
    checkpoint = timezone.now()
    old.headline = "خبر قديم بعد التصحيح"
    old.save()
    assert headlines(updated_since=checkpoint.isoformat()) == ["خبر قديم بعد التصحيح"]
    assert match.pk in [item["id"] for item in reader.get("/api/v1/articles").json()["items"]]


def test_page_size_is_bounded(reader):
    make_article()

    assert reader.get("/api/v1/articles", {"limit": 100}).status_code == 200
    too_many = reader.get("/api/v1/articles", {"limit": 101})
    assert too_many.status_code == 400
    assert set(too_many.json()["fields"]) == {"limit"}


def test_sections_tags_and_authors_for_the_menus(reader):
    economy = make_section("اقتصاد", slug="economy", order=2)
    make_section("سياسة", slug="politics", order=1)
    writer = make_author("سارة العتيبي", bio="محررة الشؤون الاقتصادية")
    make_author("كاتب بلا مقالات")
    make_article(section=economy, authors=[writer], tags=["النفط"])
    make_tag("وسم بلا مقالات")

    sections = reader.get("/api/v1/sections").json()
    tags = reader.get("/api/v1/tags").json()
    authors = reader.get("/api/v1/authors").json()
    profile = reader.get(f"/api/v1/authors/{writer.slug}").json()

    assert [section["slug"] for section in sections] == ["politics", "economy"]
    assert [tag["name"] for tag in tags["items"]] == ["النفط"]
    assert [author["name"] for author in authors["items"]] == ["سارة العتيبي"]
    assert profile["bio"] == "محررة الشؤون الاقتصادية"
    assert profile["photo"] is None
    assert profile["articles"] == f"{BASE}/api/v1/articles?author={writer.slug}"


def test_tags_page_by_name(reader):
    for name in ["ج", "أ", "ب"]:
        make_article(f"خبر {name}", tags=[name])

    first = reader.get("/api/v1/tags", {"limit": 2}).json()
    rest = reader.get("/api/v1/tags", {"limit": 2, "cursor": first["next_cursor"]}).json()

    names = [tag["name"] for tag in first["items"] + rest["items"]]
    assert sorted(names) == ["أ", "ب", "ج"] and len(set(names)) == 3
    assert rest["next"] is None


def test_search_answers_in_the_same_shapes(reader):
    economy = make_section("اقتصاد", slug="economy")
    story = make_article(
        "الخارجية الأمريكية تعلن موقفها",
        section=economy,
        body="<p>قال المتحدث إن الولايات المتحدة الأمريكية ستواصل الحوار.</p>",
    )
    make_article("خبر عن الطقس")

    data = reader.get("/api/v1/search", {"q": "الامريكيه", "section": "economy"}).json()

    assert (data["total"], data["page"], data["pages"]) == (1, 1, 1)
    [hit] = data["items"]
    assert hit["id"] == story.pk and hit["url"] == BASE + story.get_absolute_url()
    assert "<mark>الأمريكية</mark>" in hit["highlight"]
    assert reader.get("/api/search", {"q": "الامريكيه"}).json()["total"] == 1


def test_the_schema_describes_every_endpoint(reader):
    schema = reader.get("/api/openapi.json").json()

    assert schema["openapi"].startswith("3.1")
    assert set(schema["paths"]) == {
        "/api/v1/articles",
        "/api/v1/articles/{id}",
        "/api/v1/articles/{id}/live",
        "/api/v1/most-read",
        "/api/v1/sections",
        "/api/v1/tags",
        "/api/v1/authors",
        "/api/v1/authors/{slug}",
        "/api/v1/search",
    }
    components = schema["components"]["schemas"]
    article = components["ArticleDetail"]["properties"]
    # Renditions are promised in the schema, and said to be none yet.
    assert "always an empty list" in components["Image"]["properties"]["renditions"]["description"]
    assert {"body_html", "body_text", "see_also", "related", "comment_count"} <= set(article)
