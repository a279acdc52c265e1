"""A reader opens a story in Chromium: the page's own static script (no inline script: the
Content-Security-Policy forbids it) sends one beacon, which is counted once; reloading the
story counts nothing more."""

import pytest
from django.core.management import call_command

from tests.factories import make_article
from tests.mostread.readers import LAPTOP, stored_views

from .conftest import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reader_page(browser):
    # Headless Chromium says so in its User-Agent, and the counter leaves bots out: this
    # reader's browser speaks as the desktop Chrome it is.
    context = browser.new_context(viewport=DESKTOP, locale="ar", user_agent=LAPTOP)
    yield context.new_page()
    context.close()


def test_opening_a_story_counts_one_view(live_server, reader_page):
    story = make_article("أسعار النفط تتراجع مع ارتفاع المخزونات")
    url = live_server.url + story.get_absolute_url()

    for _ in range(2):
        with reader_page.expect_response(lambda answer: "/beacon/view" in answer.url) as sent:
            reader_page.goto(url)
        assert sent.value.status == 204
    call_command("most_read")

    assert stored_views(story) == 1
