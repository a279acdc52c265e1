"""A reader opens the front page and an article in a real browser, on a phone and a desktop."""

import pytest

from tests.factories import make_article, make_section

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_front_page_is_right_to_left(live_server, page, artifacts):
    section = make_section("سياسة", slug="politics")
    make_article("القمة العربية تختتم أعمالها ببيان مشترك", section=section)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=artifacts / "smoke.png", full_page=True)
