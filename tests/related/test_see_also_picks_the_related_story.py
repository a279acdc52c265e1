"""«شاهد أيضاً» points to what the article is about, not to the newest story next to it."""

from sahafa.related.models import RelatedArticle

from .conftest import hours_ago, publish_story, shown_for
from .stories import CUP_CELEBRATION, CUP_FINAL, OIL_PRICES


def test_the_related_story_wins_over_a_newer_unrelated_one_in_the_same_section(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(30))
    celebration = publish_story(CUP_CELEBRATION, section=sports, published_at=hours_ago(20))
    # Newer, same section, about something else entirely.
    publish_story(OIL_PRICES, section=sports, published_at=hours_ago(1), headline="النفط يتراجع")

    assert shown_for(final)[0] == celebration
    assert shown_for(celebration)[0] == final


def test_an_article_is_never_related_to_itself(sports, background):
    final = publish_story(CUP_FINAL, section=sports)

    assert final not in shown_for(final)
    assert not RelatedArticle.objects.filter(article=final, related=final).exists()


def test_publishing_a_follow_up_puts_it_into_the_older_storys_list(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(30))
    assert CUP_CELEBRATION["headline"] not in [item.headline for item in shown_for(final)]

    celebration = publish_story(CUP_CELEBRATION, section=sports)

    assert shown_for(final)[0] == celebration


def test_unrelated_stories_do_not_fill_the_box(sports, background):
    final = publish_story(CUP_FINAL, section=sports)

    assert shown_for(final) == []
