"""Every article page has a «شاهد أيضاً»: when the stored list has nothing to offer, the
box shows the newest story of the same section, else of the whole site — never the
article itself, never a wire copy of it, never a story readers may not see — with its
excerpt cut at a word with «…», for a fixed number of queries."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sahafa.related.models import Fingerprint
from sahafa.related.selection import shown_for
from tests.factories import make_section

from .conftest import hours_ago, publish_story
from .stories import CUP_FINAL, OIL_PRICES, RIYADH_RAIN, SATELLITE


def see_also(reader, article):
    """The headline and excerpt in the article's «شاهد أيضاً», or None without a box."""
    html = reader.get(article.get_absolute_url()).content.decode()
    if 'class="see-also"' not in html:
        return None
    box = html.split('class="see-also"', 1)[1].split("</aside>", 1)[0]
    headline = box.split('class="see-also-headline">', 1)[1].split("</strong>", 1)[0]
    excerpt = box.split('class="see-also-excerpt">', 1)[1].split("</span>", 1)[0]
    return headline, excerpt


def test_a_story_with_no_related_list_shows_the_newest_of_its_section(reader, sports, background):
    newest_on_the_site = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(1))
    older = background[2]

    headline, excerpt = see_also(reader, older)

    assert headline == background[0].headline != newest_on_the_site.headline
    assert excerpt.endswith("…")
    assert background[0].body_text.startswith(excerpt.removesuffix("…").rstrip())


def test_the_newest_story_of_the_section_never_shows_itself(reader, background):
    headline, _excerpt = see_also(reader, background[0])

    assert headline == background[1].headline


def test_a_story_alone_in_its_section_shows_the_newest_on_the_site(reader, sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(1))

    headline, _excerpt = see_also(reader, final)

    assert headline == background[0].headline


def test_drafts_and_stories_not_yet_due_are_never_the_fallback(reader, local_news, background):
    publish_story(SATELLITE | {"headline": "مسودة لم تنشر"}, section=local_news, published=False)
    publish_story(
        OIL_PRICES | {"headline": "خبر مجدول للغد"},
        section=local_news,
        published_at=timezone.now() + timedelta(days=1),
    )

    headline, _excerpt = see_also(reader, background[3])

    assert headline == background[0].headline


def test_a_story_going_live_on_schedule_becomes_the_fallback_at_its_time(
    reader, local_news, background
):
    due = timezone.now() + timedelta(minutes=10)
    scheduled = publish_story(
        OIL_PRICES | {"headline": "خبر مجدول بعد عشر دقائق"}, section=local_news, published_at=due
    )
    headline_before, _excerpt = see_also(reader, background[3])

    # Nothing is saved at its time: the box the site kept must not outlive that moment.
    with time_machine.travel(due + timedelta(seconds=5), tick=False):
        headline_after, _excerpt = see_also(reader, background[3])

    assert headline_before == background[0].headline
    assert headline_after == scheduled.headline


@pytest.mark.parametrize("fingerprinted", [True, False], ids=["fingerprinted", "not yet"])
def test_a_wire_copy_of_the_story_is_never_its_fallback(
    reader, local_news, background, fingerprinted
):
    rain = background[1]
    assert rain.headline == RIYADH_RAIN["headline"]
    # The same story from another agency: tashkeel, a hamza and punctuation aside, the
    # same headline; published after everything else in the section.
    copy = publish_story(
        {
            "headline": "أمطارٌ غزيرة وسيول في الرياض.. والدفاع المدني يُحذّر",
            "body": "<p>قالت الوكالة إن الأمطار أغرقت عدة شوارع في العاصمة مساء اليوم.</p>",
        },
        section=local_news,
        published_at=hours_ago(1),
    )
    if not fingerprinted:  # its fingerprinting task has not run yet
        Fingerprint.objects.filter(article=copy).delete()

    headline, _excerpt = see_also(reader, rain)

    assert headline == background[0].headline


def test_the_only_story_on_the_site_has_no_box(reader, sports):
    final = publish_story(CUP_FINAL, section=sports)

    assert see_also(reader, final) is None


def queries_for_box(article):
    # The selection itself: the page keeps the box it made until something changes.
    with CaptureQueriesContext(connection) as queries:
        shown_for(article)
    return len(queries)


def test_the_fallback_costs_the_same_queries_however_big_the_archive(
    sports, local_news, background
):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(500))
    small_archive = queries_for_box(final)

    for number in range(20):
        publish_story(
            {"headline": f"نشرة الطقس رقم {number}", "body": f"<p>طقس اليوم {number}.</p>"},
            section=make_section(f"قسم {number}"),
            published_at=hours_ago(300 + number),
        )

    assert queries_for_box(final) == small_archive
