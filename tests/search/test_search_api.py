"""GET /api/search: the same search, as JSON, published articles only."""

from datetime import datetime, timedelta

from django.utils import timezone

from tests.factories import make_article, make_section


def test_api_answers_in_the_documented_shape(reader, db):
    section = make_section("سياسة", slug="politics")
    story = make_article(
        headline="الخارجية الأمريكية تعلن موقفها",
        section=section,
        body="<p>قال المتحدث إن الولايات المتحدة الأمريكية ستواصل الحوار.</p>",
        published_at=timezone.make_aware(datetime(2025, 3, 1, 10, 30)),
    )
    response = reader.get("/api/search", {"q": "الامريكيه"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"results", "total", "page", "took_ms"}
    assert (data["total"], data["page"]) == (1, 1)
    assert data["took_ms"] >= 0
    [result] = data["results"]
    assert result == {
        "title": story.headline,
        "url": "http://127.0.0.1:8000" + story.get_absolute_url(),
        "excerpt": "قال المتحدث إن الولايات المتحدة الأمريكية ستواصل الحوار.",
        "highlight": "قال المتحدث إن الولايات المتحدة <mark>الأمريكية</mark> ستواصل الحوار.",
        "published_at": "2025-03-01T10:30:00+02:00",
        "section": "سياسة",
    }


def test_api_filters_and_pages(reader, db):
    economy = make_section("اقتصاد", slug="economy")
    now = timezone.now()
    for n in range(12):
        make_article(headline=f"أسعار النفط {n}", section=economy, published_at=now - timedelta(n))
    make_article(headline="النفط في الملاعب", section=make_section("رياضة", slug="sports"))
    data = reader.get("/api/search", {"q": "النفط", "section": "economy", "page": "2"}).json()
    assert (data["total"], data["page"], len(data["results"])) == (12, 2, 2)
    today = timezone.localdate().isoformat()
    data = reader.get("/api/search", {"q": "النفط", "from": today, "to": today}).json()
    assert data["total"] == 2


def test_api_returns_published_articles_only(reader, db):
    make_article(headline="خطة سرية للإسكان", published=False)
    make_article(headline="خطة مؤجلة للإسكان", published_at=timezone.now() + timedelta(days=1))
    public = make_article(headline="خطة معلنة للإسكان")
    data = reader.get("/api/search", {"q": "الاسكان"}).json()
    assert [r["title"] for r in data["results"]] == [public.headline]


def test_api_reports_bad_filters_in_arabic_with_400(reader, db):
    response = reader.get("/api/search", {"q": "النفط", "section": "nowhere", "to": "2025-02-30"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["section"] == ["لا يوجد قسم بهذا الاسم."]
    assert errors["to"]


def test_api_without_a_query_is_an_empty_answer(reader, db):
    make_article()
    assert reader.get("/api/search").json()["total"] == 0
