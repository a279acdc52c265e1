"""A reader has a live blog open in Chromium; an editor, in another browser, writes an
entry in the live desk and publishes it: the entry appears at the top of the reader's page
without a reload, under the Content-Security-Policy (the page's script is a static file).
The page asks nothing while its tab is hidden, catches up when it is shown again, and
stops asking once the editor ends the coverage.

The reader's page runs on Playwright's clock: time moves only when the story says so, so
"no request while hidden" is a fact about the page's timers, not a wait."""

from datetime import UTC, datetime, timedelta

import pytest

from sahafa.newsroom import roles
from tests.factories import make_user
from tests.live.coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db(transaction=True)

POLL_MS = 2000
START = datetime(2026, 8, 1, 9, 0, tzinfo=UTC)
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
window.__asked = 0;
const realFetch = window.fetch;
window.fetch = (...args) => { window.__asked += 1; return realFetch(...args); };
"""
HIDE = """(hidden) => {
  Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_a_published_entry_appears_on_the_readers_page_without_a_reload(
    live_server, browser, page, sign_in, settings
):
    settings.SAHAFA_LIVE_POLL_SECONDS = POLL_MS // 1000
    make_user("editor", roles.EDITOR)
    blog = make_live_blog("تغطية مباشرة: حرائق الغابات قرب أثينا")
    make_entry(blog, "<p>بدء عمليات الإخلاء في أربع بلدات.</p>", minutes_ago=10)
    # Time stands still on the reader's page until the story moves it.
    page.clock.install(time=START)
    page.clock.pause_at(START + timedelta(seconds=1))
    page.add_init_script(WATCH)
    page.goto(live_server.url + blog.article.get_absolute_url())
    page.evaluate("window.__notReloaded = true")
    asked = page.evaluate("window.__asked")

    desk = browser.new_context(locale="ar").new_page()
    sign_in(desk, "editor", f"/admin/live/liveblog/{blog.pk}/change/")
    desk.locator("#entries-1 .ProseMirror[contenteditable=true]").click()
    desk.keyboard.insert_text("وصول طائرات إطفاء من قبرص وإيطاليا.")
    desk.fill("#id_entries-1-title", "تعزيزات دولية")
    desk.click("input[name=_live_publish_new]")
    desk.wait_for_selector(".messagelist .success")
    page.clock.run_for(POLL_MS)

    newest = page.locator(".live-entries > li").first
    newest.locator("text=وصول طائرات إطفاء من قبرص وإيطاليا.").wait_for()
    assert page.evaluate("window.__asked") == asked + 1
    assert newest.locator(".live-entry-title").inner_text() == "تعزيزات دولية"
    assert "live-entry--new" in newest.get_attribute("class")
    assert page.locator(".live-entries > li").count() == 2
    assert page.evaluate("window.__notReloaded") is True
    assert page.evaluate("window.__violations") == []

    # A hidden tab asks nothing, however long; shown again, it catches up at once.
    page.evaluate(HIDE, True)
    asked = page.evaluate("window.__asked")
    page.clock.run_for(30 * POLL_MS)
    assert page.evaluate("window.__asked") == asked
    desk.click("input[name=_live_close]")
    desk.wait_for_selector(".messagelist .success")
    page.evaluate(HIDE, False)

    page.locator(".live-state--ended").wait_for(state="visible")
    assert page.evaluate("window.__asked") == asked + 1
    # Ended: no more questions.
    page.clock.run_for(30 * POLL_MS)
    assert page.evaluate("window.__asked") == asked + 1
    assert page.locator(".live-state--open").is_hidden()
    assert page.locator(".live-entries > li").count() == 2
    assert page.evaluate("window.__notReloaded") is True
    desk.context.close()
