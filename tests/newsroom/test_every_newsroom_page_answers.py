"""An editor walks through every newsroom page for the content models: none of them fails."""

import pytest
from django.urls import reverse

from sahafa.articles import workflow
from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom_with_one_of_everything(editor):
    section = make_section("اقتصاد")
    author = make_author("خالد الدوسري")
    tag = make_tag("النفط")
    published = make_article(
        "أرامكو ترفع أسعار البروبان لشهر G20", section=section, authors=[author], tags=[tag]
    )
    draft = make_article("مسودة عن الميزانية", section=section, published=False)
    workflow.submit(draft, by=editor.user)
    return {"section": section, "author": author, "tag": tag, "article": published, "draft": draft}


@pytest.mark.parametrize(
    ("model", "editors_may_delete"),
    [("section", False), ("author", False), ("tag", True), ("article", True)],
)
def test_every_page_of_a_model_answers_for_an_editor(
    editor, newsroom_with_one_of_everything, model, editors_may_delete
):
    obj = newsroom_with_one_of_everything[model]
    for page in [
        reverse(f"admin:articles_{model}_changelist"),
        reverse(f"admin:articles_{model}_add"),
        reverse(f"admin:articles_{model}_change", args=[obj.pk]),
        reverse(f"admin:articles_{model}_history", args=[obj.pk]),
    ]:
        assert editor.get(page).status_code == 200, page
    delete_page = editor.get(reverse(f"admin:articles_{model}_delete", args=[obj.pk]))
    assert delete_page.status_code == (200 if editors_may_delete else 403)


def test_the_desk_the_app_index_and_a_draft_answer_200(editor, newsroom_with_one_of_everything):
    draft = newsroom_with_one_of_everything["draft"]
    for page in [
        reverse("admin:index"),
        reverse("admin:app_list", args=["articles"]),
        reverse("admin:articles_article_change", args=[draft.pk]),
        reverse("admin:articles_article_changelist") + "?status__exact=review",
        reverse("admin:articles_article_changelist") + "?q=أرامكو",
        reverse("admin:autocomplete")
        + "?app_label=articles&model_name=article&field_name=tags&term=نفط",
        reverse("admin:autocomplete")
        + "?app_label=articles&model_name=byline&field_name=author&term=خالد",
    ]:
        assert editor.get(page).status_code == 200, page


def test_junk_in_the_changelist_query_string_never_fails(editor, newsroom_with_one_of_everything):
    changelist = reverse("admin:articles_article_changelist")
    for query in [
        "?q=%27%22%3B--",
        "?q=" + "ء" * 500,
        "?status__exact=nonsense",
        "?published_at__gte=not-a-date",
        "?section__id__exact=abc",
        "?o=99",
        "?p=-1",
    ]:
        assert editor.get(changelist + query).status_code in {200, 302}, query
