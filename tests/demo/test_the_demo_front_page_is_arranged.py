"""A visitor to the demo newspaper sees a front page the editors arranged: the lead story
is the one they chose (not the newest), then their featured stories in their order."""

import re

import pytest

from sahafa.demo.loader import arrange_demo_front_page, load_demo_content
from sahafa.frontpage.models import Placement

pytestmark = pytest.mark.django_db


def test_the_demo_front_page_follows_the_editors_arrangement(reader):
    load_demo_content()
    assert arrange_demo_front_page() == 5
    assert arrange_demo_front_page() == 0  # placed once; an editor's changes survive

    html = reader.get("/").content.decode()

    lead = html.split('class="lead-story"', 1)[1].split("</section>", 1)[0]
    assert "البرلمان يقرّ قانون الانتخاب الجديد" in lead
    latest = html.split('class="latest-list"', 1)[1].split("</ol>", 1)[0]
    headlines = re.findall(r'<h3 class="card-headline"[^>]*>.*?<a href="[^"]+">(.*?)</a>', latest)
    featured = [
        placement.article.headline
        for placement in Placement.objects.filter(slot=Placement.Slot.FEATURED).order_by("position")
    ]
    assert [re.sub(r"</?bdi>", "", headline) for headline in headlines[:3]] == featured
    politics = html.split('class="home-section"', 1)[1].split("</section>", 1)[0]
    assert "الجامعة العربية" in politics.split('<article class="card', 2)[1]
