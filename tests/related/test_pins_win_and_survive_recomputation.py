"""An editor's pin decides «شاهد أيضاً», whatever the engine computes, and stays."""

from django.core.management import call_command
from django.urls import reverse

from sahafa.related.models import RelatedPin

from .conftest import hours_ago, publish_story, shown_for
from .stories import CUP_CELEBRATION, CUP_FINAL, SATELLITE


def test_a_pin_wins_over_the_computed_list(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(CUP_CELEBRATION, section=sports)
    satellite = background[-1]
    RelatedPin.objects.create(article=final, pinned=satellite)

    shown = shown_for(final)

    assert shown[0] == satellite
    assert shown[1] == celebration


def test_a_pin_survives_a_rebuild_and_new_publications(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    satellite = background[-1]
    RelatedPin.objects.create(article=final, pinned=satellite)

    call_command("related", "--rebuild", verbosity=0)
    publish_story(CUP_CELEBRATION, section=sports)

    assert shown_for(final)[0] == satellite
    assert RelatedPin.objects.get(article=final).pinned == satellite


def test_a_pinned_article_that_is_unpublished_gives_way_to_the_computed_pick(sports, background):
    from sahafa.articles import workflow

    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(CUP_CELEBRATION, section=sports)
    satellite = background[-1]
    RelatedPin.objects.create(article=final, pinned=satellite)

    workflow.unpublish(satellite, by=None)

    assert shown_for(final)[0] == celebration


def test_an_editor_pins_an_article_in_the_newsroom(editor, sports, background):
    final = publish_story(CUP_FINAL, section=sports)
    satellite = publish_story(SATELLITE, headline="قمر صناعي جديد", section=sports)

    response = editor.post(
        reverse("admin:related_relatedpin_add"),
        {"article": final.pk, "pinned": satellite.pk},
    )

    assert response.status_code == 302
    assert shown_for(final)[0] == satellite


def test_an_article_cannot_be_pinned_to_itself(editor, sports, background):
    final = publish_story(CUP_FINAL, section=sports)

    response = editor.post(
        reverse("admin:related_relatedpin_add"), {"article": final.pk, "pinned": final.pk}
    )

    assert response.status_code == 200
    assert "لا يمكن" in response.content.decode()
    assert not RelatedPin.objects.exists()


def test_the_pin_sits_on_the_articles_own_page_for_editors_only(editor, writer, sports):
    story = publish_story(CUP_FINAL, section=sports, published=False, by=writer.user)
    change_page = reverse("admin:articles_article_change", args=[story.pk])

    editor_page = editor.get(change_page).content.decode()
    writer_page = writer.get(change_page).content.decode()

    assert 'name="related_pin-TOTAL_FORMS"' in editor_page
    assert "«شاهد أيضاً» المثبت" in editor_page
    assert 'name="related_pin-TOTAL_FORMS"' not in writer_page
