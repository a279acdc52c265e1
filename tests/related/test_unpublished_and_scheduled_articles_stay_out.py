"""Lists only ever show what readers may see: never an unpublished, archived or
not-yet-due article."""

from datetime import timedelta

from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article
from sahafa.related.models import RelatedArticle

from .conftest import hours_ago, publish_story, shown_for
from .stories import CUP_CELEBRATION, CUP_FINAL


def test_unpublishing_removes_the_article_from_every_list(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(CUP_CELEBRATION, section=sports)
    assert shown_for(final)[0] == celebration

    workflow.unpublish(celebration, by=None)

    assert celebration not in shown_for(final)
    assert not RelatedArticle.objects.filter(related=celebration).exists()
    assert not RelatedArticle.objects.filter(article=celebration).exists()


def test_archiving_removes_the_article_from_every_list(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(CUP_CELEBRATION, section=sports)

    workflow.archive(celebration, by=None)

    assert celebration not in shown_for(final)
    assert not RelatedArticle.objects.filter(related=celebration).exists()


def test_republishing_brings_the_article_back(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(CUP_CELEBRATION, section=sports, published_at=hours_ago(1))
    workflow.unpublish(celebration, by=None)

    workflow.publish(celebration, by=None)

    assert shown_for(final)[0] == celebration


def test_a_scheduled_article_appears_only_once_it_is_due(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(
        CUP_CELEBRATION, section=sports, published_at=timezone.now() + timedelta(hours=2)
    )
    assert celebration.status == Article.Status.SCHEDULED

    assert celebration not in shown_for(final)

    # Two hours later, with no job run in between: the clock is all that changed.
    Article.objects.filter(pk=celebration.pk).update(published_at=hours_ago(0.01))
    assert shown_for(final)[0] == celebration


def test_a_scheduled_article_has_its_list_ready_when_it_goes_live(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(
        CUP_CELEBRATION, section=sports, published_at=timezone.now() + timedelta(days=1)
    )

    assert shown_for(celebration)[0] == final


def test_drafts_are_never_candidates(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    draft = publish_story(CUP_CELEBRATION, section=sports, published=False)

    assert draft not in shown_for(final)
    assert not RelatedArticle.objects.filter(related=draft).exists()
