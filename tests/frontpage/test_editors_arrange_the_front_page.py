"""The editor on the front-page desk: she places the lead story and the featured ones in
the newsroom, gives a placement an end, and readers — even those served the stored home
page — see her arrangement at once; empty slots fill with the newest stories."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.frontpage.models import Placement
from sahafa.pagecache.store import purge
from tests.factories import make_article, make_section
from tests.newsroom.admin_form import form_fields
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:frontpage_placement_add")
LIST_URL = reverse("admin:frontpage_placement_changelist")


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


@pytest.fixture
def news():
    """Five stories, the newest first: «خبر 0» is an hour old, «خبر 4» five hours."""
    politics = make_section("سياسة", slug="politics", order=1)
    return [
        make_article(f"خبر {n}", section=politics, published_at=hours_ago(n + 1)) for n in range(5)
    ]


def place(client, article, slot, position=1, expires_at=None):
    data = {"slot": slot, "article": article.pk, "position": position}
    if expires_at is not None:
        local = timezone.localtime(expires_at)
        data.update({"expires_at_0": f"{local:%Y-%m-%d}", "expires_at_1": f"{local:%H:%M:%S}"})
    return client.post(ADD_URL, data)


def lead_of(html):
    return html.split('class="lead-story"', 1)[1].split("</section>", 1)[0]


def latest_of(html):
    """The headlines of «آخر الأخبار», in order."""
    block = html.split('class="latest-list"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r">(خبر \d+)<", block)


def test_the_editors_lead_and_featured_stories_lead_the_front_page_in_their_order(editor, news):
    assert place(editor, news[4], Placement.Slot.LEAD).status_code == 302
    place(editor, news[3], Placement.Slot.FEATURED, position=2)
    place(editor, news[2], Placement.Slot.FEATURED, position=1)

    html = fetch("/").body.decode()

    assert ">خبر 4<" in lead_of(html)
    # The featured stories in the editor's order, then the newest stories fill the rest.
    assert latest_of(html) == ["خبر 2", "خبر 3", "خبر 0", "خبر 1"]
    placement = Placement.objects.get(article=news[4])
    assert placement.placed_by == editor.user


def test_a_stored_home_page_follows_a_rearrangement_at_once(editor, news):
    place(editor, news[3], Placement.Slot.FEATURED, position=1)
    place(editor, news[4], Placement.Slot.FEATURED, position=2)
    fetch("/")
    stored = fetch("/")
    assert stored.cache == "HIT"
    assert latest_of(stored.body.decode())[:2] == ["خبر 3", "خبر 4"]

    # The editor swaps the two in the list of placements and saves.
    data = form_fields(editor.get(LIST_URL), form_id="changelist-form")
    for index in range(2):
        headline = Placement.objects.get(pk=data[f"form-{index}-id"]).article.headline
        data[f"form-{index}-position"] = "1" if headline == "خبر 4" else "2"
    data["_save"] = "حفظ"
    assert editor.post(LIST_URL, data).status_code == 302

    again = fetch("/")
    assert again.cache == "MISS"
    assert latest_of(again.body.decode())[:2] == ["خبر 4", "خبر 3"]


def test_removing_a_placement_gives_the_slot_back_at_once(editor, news):
    place(editor, news[4], Placement.Slot.LEAD)
    fetch("/")
    placement = Placement.objects.get(article=news[4])

    delete_url = reverse("admin:frontpage_placement_delete", args=[placement.pk])
    assert editor.post(delete_url, {"post": "yes"}).status_code == 302

    assert ">خبر 0<" in lead_of(fetch("/").body.decode())


def test_an_expired_placement_gives_its_slot_back_to_the_newest_stories(editor, news, settings):
    settings.SAHAFA_PAGE_CACHE_SECONDS = 3600
    in_ten_minutes = timezone.now() + timedelta(minutes=10)
    place(editor, news[4], Placement.Slot.LEAD, expires_at=in_ten_minutes)
    place(editor, news[3], Placement.Slot.LEAD, position=2)

    stored = fetch("/")
    assert ">خبر 4<" in lead_of(stored.body.decode())
    # Nobody announces an expiry: the stored page is fresh until then, no longer.
    max_age = int(stored.headers["cache-control"].split("s-maxage=")[1].split(",")[0])
    assert 1 <= max_age <= 600
    assert fetch("/").cache == "HIT"

    with time_machine.travel(in_ten_minutes + timedelta(seconds=5), tick=False):
        after = fetch("/")

    assert after.cache != "HIT"
    # The next story in line for the lead takes it; «خبر 4» goes back among the newest.
    assert ">خبر 3<" in lead_of(after.body.decode())
    assert ">خبر 4<" not in lead_of(after.body.decode())


def test_an_unpublished_placed_story_leaves_the_front_page(editor, news):
    place(editor, news[4], Placement.Slot.LEAD)
    fetch("/")

    workflow.unpublish(news[4], by=editor.user)

    html = fetch("/").body.decode()
    assert "خبر 4<" not in html
    assert ">خبر 0<" in lead_of(html)


def test_a_story_pinned_to_its_section_heads_the_sections_block(editor):
    politics = make_section("سياسة", slug="politics", order=1)
    for n in range(12):
        make_article(f"خبر {n}", section=politics, published_at=hours_ago(n + 1))
    old = make_article("تحليل: ما بعد الانتخابات", section=politics, published_at=hours_ago(48))
    place(editor, old, Placement.Slot.SECTION)

    html = fetch("/").body.decode()

    block = html.split('class="home-section"', 1)[1].split("</section>", 1)[0]
    assert block.index("تحليل: ما بعد الانتخابات") < block.index(">خبر 7<")
    assert block.count('<article class="card') == 4


def test_only_a_public_story_can_be_placed(editor, news):
    draft = make_article("مسودة لم تكتمل", published=False)

    response = place(editor, draft, Placement.Slot.LEAD)

    assert response.status_code == 200
    assert "لا يوضع في الصفحة الأولى إلا مقال منشور" in response.content.decode()
    assert not Placement.objects.exists()


def test_writers_cannot_arrange_the_front_page(writer, editor, news):
    assert writer.get(LIST_URL).status_code == 403
    assert place(writer, news[4], Placement.Slot.LEAD).status_code == 403
    assert not Placement.objects.exists()
    assert LIST_URL not in writer.get(reverse("admin:index")).content.decode()
    assert LIST_URL in editor.get(reverse("admin:index")).content.decode()


def test_placements_cost_the_same_few_queries_however_many(
    reader, editor, news, django_assert_max_num_queries
):
    def first_render_since_a_change():
        reader.get("/")  # What the site keeps for minutes whatever changes (the most read).
        purge({"latest"})  # The stories are read again, as after any change.
        with django_assert_max_num_queries(50) as counted:
            reader.get("/")
        return len(counted.captured_queries)

    unarranged_count = first_render_since_a_change()
    place(editor, news[4], Placement.Slot.LEAD)
    arranged_count = first_render_since_a_change()
    # The placements, and their stories' cards (the byline in one more).
    assert arranged_count <= unarranged_count + 3

    for n, article in enumerate(news[:3]):
        place(editor, article, Placement.Slot.FEATURED, position=n)
    place(editor, news[3], Placement.Slot.SECTION)
    assert first_render_since_a_change() <= arranged_count


def test_featured_stories_past_the_lists_length_still_show_among_the_others(editor):
    politics = make_section("سياسة", slug="politics", order=1)
    stories = [
        make_article(f"خبر {n}", section=politics, published_at=hours_ago(n + 1)) for n in range(9)
    ]
    for position, article in enumerate(reversed(stories), start=1):
        place(editor, article, Placement.Slot.FEATURED, position=position)

    html = fetch("/").body.decode()

    # «خبر 0» leads (newest, unplaced by then), «خبر 8» … «خبر 3» are featured, in order;
    # the seventh and eighth featured wait, and show in their section's block meanwhile.
    assert ">خبر 0<" in lead_of(html)
    assert latest_of(html) == [f"خبر {n}" for n in range(8, 2, -1)]
    block = html.split('class="home-section"', 1)[1].split("</section>", 1)[0]
    assert ">خبر 2<" in block and ">خبر 1<" in block
