"""Only readers count: a crawler, an editor checking the published page and a reader who
reloads the story again and again add nothing; a made-up beacon is refused."""

import pytest
from django.core.management import call_command

from tests.factories import make_article

from .readers import beacon_of, opens, reader, stored_views

pytestmark = pytest.mark.django_db

BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "",
]


def test_crawlers_and_link_previews_are_not_counted():
    story = make_article("أسعار النفط تتراجع")
    beacon = beacon_of(reader(0), story)
    for number, agent in enumerate(BOTS):
        assert opens(reader(number, agent=agent), story, beacon) == 204
    opens(reader(99), story, beacon)

    call_command("most_read")

    assert stored_views(story) == 1


def test_the_newsroom_reading_its_own_story_is_not_counted(editor):
    story = make_article("أمطار غزيرة وسيول في الرياض")
    beacon = beacon_of(editor, story)
    editor.defaults["HTTP_USER_AGENT"] = reader(0).defaults["HTTP_USER_AGENT"]

    for _ in range(3):
        assert opens(editor, story, beacon) == 204
    call_command("most_read")

    assert stored_views(story) == 0


def test_a_reader_reloading_counts_once():
    story = make_article("الهلال يتوج بكأس الملك")
    phone = reader(7)
    for _ in range(10):
        assert opens(phone, story) == 204
    opens(reader(8), story)

    call_command("most_read")

    assert stored_views(story) == 2


def test_a_beacon_for_another_article_or_without_its_signature_is_refused():
    story = make_article("ستة ملايين طالب يبدؤون العام الدراسي")
    other = make_article("حملة التطعيم ضد الإنفلونزا")
    beacon = beacon_of(reader(0), story)
    forged = beacon.replace(f"a={story.pk}", f"a={other.pk}")

    statuses = [
        reader(1).post(forged).status_code,
        reader(2).post(beacon.split("&")[0]).status_code,
        reader(3).post("/beacon/view?a=abc&s=x").status_code,
        reader(4).get(beacon).status_code,
    ]
    call_command("most_read")

    assert statuses == [400, 400, 400, 405]
    assert (stored_views(story), stored_views(other)) == (0, 0)
