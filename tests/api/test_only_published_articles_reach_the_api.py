"""A partner's app must never show what the newsroom has not published: drafts, stories
scheduled for later and withdrawn ones are 404 and in no list, search or «شاهد أيضاً»."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Tag
from sahafa.related.models import RelatedPin
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def test_drafts_scheduled_and_withdrawn_articles_are_nowhere(reader, editor):
    section = make_section("سياسة", slug="politics")
    ghost = make_author("كاتب المسودات")
    draft = make_article("مسودة خطة الإسكان", section=section, authors=[ghost], published=False)
    scheduled = make_article(
        "خطة الإسكان المؤجلة", section=section, published_at=timezone.now() + timedelta(days=1)
    )
    withdrawn = make_article("خطة الإسكان المسحوبة", section=section, tags=["سري"])
    workflow.unpublish(withdrawn, by=editor.user)
    public = make_article("خطة الإسكان المعلنة", section=section)
    RelatedPin.objects.create(article=public, pinned=draft)
    hidden = [draft, scheduled, withdrawn]

    for article in hidden:
        response = reader.get(f"/api/v1/articles/{article.pk}")
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
    listed = reader.get("/api/v1/articles", {"section": "politics"}).json()["items"]
    assert [item["id"] for item in listed] == [public.pk]
    found = reader.get("/api/v1/search", {"q": "الاسكان"}).json()["items"]
    assert [item["id"] for item in found] == [public.pk]
    detail = reader.get(f"/api/v1/articles/{public.pk}").json()
    assert detail["see_also"] is None or detail["see_also"]["id"] not in {a.pk for a in hidden}
    # Nobody learns of a tag or an author from unpublished work.
    assert reader.get("/api/v1/tags").json()["items"] == []
    assert reader.get("/api/v1/authors").json()["items"] == []
    assert reader.get(f"/api/v1/authors/{ghost.slug}").status_code == 404
    assert Tag.objects.filter(name="سري").exists()  # it exists, on unpublished work only


def test_a_scheduled_article_appears_when_due(reader):
    due = make_article("نتائج الانتخابات", published_at=timezone.now() + timedelta(days=1))
    assert reader.get(f"/api/v1/articles/{due.pk}").status_code == 404

    due.published_at = timezone.now() - timedelta(minutes=1)
    due.save(update_fields=["published_at"])

    assert reader.get(f"/api/v1/articles/{due.pk}").json()["headline"] == "نتائج الانتخابات"
