"""A reader opens a photo story on a phone in Chromium: the pictures come as AVIF sized for
the small screen, not the camera's original; nothing is asked of YouTube until the reader
presses «اضغط لعرض المحتوى من YouTube», and then the policy lets exactly that frame in."""

from urllib.parse import urlsplit

import pytest

from tests.factories import make_article
from tests.media.pictures import make_library_image

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_a_phone_gets_small_renditions_and_no_third_party_before_a_click(
    live_server, page, artifacts
):
    inside = make_library_image(size=(1600, 1000), caption="سوق الزل صباح الجمعة")
    story = make_article(
        "موسم التمور في الرياض",
        body=(
            "<p>بدأ الموسم.</p>" * 12
            + f'<figure><img src="{inside.file.url}" alt=""></figure>'
            + f'<p><a href="{VIDEO}">{VIDEO}</a></p>'
        ),
    )
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>video</p>"),
    )
    page.set_viewport_size(PHONE)

    page.goto(live_server.url + story.get_absolute_url())
    figure = page.locator(".body-figure img")
    figure.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.body-figure img').complete")

    current = figure.evaluate("img => img.currentSrc")
    assert current.endswith(".full-480.avif"), current
    assert not [url for url in requested if url.endswith(inside.file.url)]  # not the original
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(live_server.url).netloc}
    page.screenshot(path=artifacts / "photo_story_on_a_phone.png", full_page=True)

    with page.expect_request(lambda request: "youtube-nocookie.com/embed/" in request.url):
        page.get_by_role("button", name="اضغط لعرض المحتوى من YouTube").click()
    page.frame_locator("iframe.embed-frame").locator("text=video").wait_for()
    assert violations == []
