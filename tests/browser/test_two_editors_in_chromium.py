"""Two editors in two browsers open the same story. The second sees who holds it and
takes over with «تولي التحرير»; the first editor's open form learns it from its heartbeat
(a static script, run under the newsroom's Content-Security-Policy) and warns her before
she types any further."""

import pytest

from sahafa.editlocks import locks
from sahafa.newsroom import roles
from tests.browser.conftest import DESKTOP
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def second_page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="ar")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_takeover_reaches_the_first_editors_open_form(live_server, page, second_page, sign_in):
    make_user("huda", roles.EDITOR, first_name="هدى", last_name="الشمري")
    make_user("karim", roles.EDITOR, first_name="كريم", last_name="الحسن")
    story = make_article("الحكومة تقر الموازنة العامة")
    form = f"/admin/articles/article/{story.pk}/change/"
    # Huda's clock is the test's to move: her heartbeat runs when the test says so.
    page.clock.install()
    page.add_init_script(LISTEN)
    sign_in(page, "huda", next=form)
    assert page.locator("#edit-lock-lost").is_hidden()

    sign_in(second_page, "karim", next=form)
    warning = second_page.locator(".edit-lock--held")
    assert "هدى الشمري" in warning.inner_text()
    with second_page.expect_navigation():
        second_page.get_by_role("button", name="تولي التحرير").click()
    assert second_page.locator(".edit-lock--held:visible").count() == 0

    with page.expect_response(lambda response: response.url.endswith("/lock/")) as beat:
        page.clock.run_for(locks.HEARTBEAT_SECONDS * 1000)
    assert beat.value.status == 409
    lost = page.locator("#edit-lock-lost")
    lost.wait_for(state="visible")
    assert "كريم الحسن" in lost.inner_text()
    assert page.evaluate("window.__violations") == []
