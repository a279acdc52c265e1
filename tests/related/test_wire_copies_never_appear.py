"""The same agency story published twice is one story: a list never shows a copy of the
article itself, nor two copies of another story."""

from sahafa.related.models import RelatedArticle

from .conftest import hours_ago, publish_story, shown_for
from .stories import CUP_CELEBRATION, CUP_FINAL


def test_a_copy_of_the_article_under_another_headline_is_not_related(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(5))
    copy = publish_story(
        CUP_FINAL,
        section=sports,
        headline="النصر يخسر النهائي أمام الهلال",
        source_url="https://wire.example/cup-final",
    )
    celebration = publish_story(CUP_CELEBRATION, section=sports, published_at=hours_ago(2))

    assert copy not in shown_for(final)
    assert final not in shown_for(copy)
    assert shown_for(final)[0] == celebration
    assert shown_for(copy)[0] == celebration


def test_a_nearly_identical_copy_is_not_related(sports, background):
    final = publish_story(CUP_FINAL, section=sports)
    edited_body = CUP_FINAL["body"].replace("بهدفين مقابل هدف", "بنتيجة هدفين لهدف") + (
        "<p>المصدر: وكالة الأنباء.</p>"
    )
    copy = publish_story(
        CUP_FINAL, section=sports, headline="نهائي كأس الملك للهلال", body=edited_body
    )

    assert copy not in shown_for(final)
    assert final not in shown_for(copy)


def test_the_same_headline_from_another_source_is_the_same_story(sports, background):
    final = publish_story(CUP_FINAL, section=sports)
    # Another newspaper's write-up of the same agency story: its own words, same headline.
    retold = publish_story(
        CUP_CELEBRATION,
        section=sports,
        headline="  الهلالُ يتوّج بكأس الملك بعد الفوز على النصر في النهائي ",
    )

    assert retold not in shown_for(final)
    assert final not in shown_for(retold)


def test_two_copies_of_one_story_never_share_a_list(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(10))
    first = publish_story(CUP_CELEBRATION, section=sports, published_at=hours_ago(3))
    second = publish_story(
        CUP_CELEBRATION,
        section=sports,
        headline="احتفالات الجماهير الزرقاء باللقب",
        published_at=hours_ago(2),
    )

    shown = shown_for(final)
    assert (first in shown) != (second in shown)
    stored = set(RelatedArticle.objects.filter(article=final).values_list("related", flat=True))
    assert not {first.pk, second.pk} <= stored
