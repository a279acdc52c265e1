"""On the front-page desk an editor drags the third featured story to the top of the
list and saves; a reader's home page shows the featured stories in the new order."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from sahafa.frontpage.models import Placement
from sahafa.newsroom import roles
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def featured_on_home(page, url):
    page.goto(url)
    latest = page.locator(".latest-list").inner_text()
    return re.findall(r"خبر مميز \d", latest)


def test_an_editor_drags_a_featured_story_to_the_top(live_server, page, sign_in):
    make_user("editor", roles.EDITOR)
    lead = make_article("القصة الرئيسية", published_at=timezone.now() - timedelta(hours=5))
    Placement.objects.create(slot=Placement.Slot.LEAD, article=lead)
    for n in range(1, 4):
        article = make_article(f"خبر مميز {n}", published_at=timezone.now() - timedelta(hours=n))
        Placement.objects.create(slot=Placement.Slot.FEATURED, article=article, position=n)
    assert featured_on_home(page, live_server.url + "/") == [
        "خبر مميز 1",
        "خبر مميز 2",
        "خبر مميز 3",
    ]

    page.add_init_script(LISTEN)
    sign_in(page, "editor", next="/admin/frontpage/placement/")
    # The lead's row first, then the featured stories'.
    rows = page.locator("#result_list tbody tr")
    rows.nth(3).drag_to(rows.nth(1))
    positions = [row.locator("input[name$='-position']").input_value() for row in rows.all()]
    assert positions == ["1", "1", "2", "3"]
    assert "خبر مميز 3" in rows.nth(1).inner_text()
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    assert page.evaluate("window.__violations") == []

    assert featured_on_home(page, live_server.url + "/") == [
        "خبر مميز 3",
        "خبر مميز 1",
        "خبر مميز 2",
    ]
