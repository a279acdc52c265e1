"""A reader in Chromium finds «تنبيهات الأخبار العاجلة» at the foot of the page. The browser
asks nothing until the button is pressed; then the site's service worker is installed for
the whole site, and the reader is told in Arabic how it went. A reader who refuses
notifications is told how to allow them."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

DONE = "تمّ: ستصل تنبيهات الأخبار العاجلة إلى هذا الجهاز."
# Headless Chromium has no push service to reach (no network here): subscribing fails.
FAILED = "تعذّر تفعيل التنبيهات. أعد المحاولة لاحقاً."
DENIED = "متصفحك يحجب إشعارات هذا الموقع"


def test_the_click_installs_the_service_worker_for_the_whole_site(live_server, page, artifacts):
    page.context.grant_permissions(["notifications"], origin=live_server.url)
    article = make_article()
    page.goto(live_server.url + article.get_absolute_url())

    button = page.get_by_role("button", name="تنبيهات الأخبار العاجلة")
    assert button.is_visible()
    assert page.evaluate("navigator.serviceWorker.getRegistration('/')") is None

    button.click()
    status = page.locator(".push-status")
    status.filter(has_text="ت").wait_for()

    assert status.inner_text() in (DONE, FAILED)
    scope = page.evaluate("navigator.serviceWorker.getRegistration('/').then(r => r.scope)")
    assert scope == live_server.url + "/"
    page.screenshot(path=artifacts / "push-optin.png", full_page=True)


def test_a_reader_who_refuses_is_told_how_to_allow_alerts(live_server, page):
    page.context.clear_permissions()
    page.goto(live_server.url + "/")

    page.get_by_role("button", name="تنبيهات الأخبار العاجلة").click()

    status = page.locator(".push-status")
    status.filter(has_text=DENIED).wait_for()
    assert page.evaluate("navigator.serviceWorker.getRegistration('/')") is None
