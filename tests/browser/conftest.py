"""Shared fixtures for every browser test: Debian's Chromium driven by Playwright's sync API.

Everything under tests/browser is marked `browser` automatically, so
`pytest -m "not browser"` leaves it out. Pages come from pytest-django's `live_server`,
which only sees committed data: set up data with `transactional_db`, not `db`.
Screenshots go to the repo-root `test-artifacts/` (git-ignored, kept by CI).
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"
BROWSER_TESTS_DIR = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # tryfirst: the marker must be on the items before `-m "not browser"` deselects.
    for item in items:
        if BROWSER_TESTS_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _browser_missing(reason):
    """Where the browser cannot run: a clear skip on a laptop, a failure in CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run in CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _browser_missing(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_missing("playwright is not installed (pip install -e '.[test]')")
    # Playwright's sync API runs an asyncio event loop in the test's own thread, so Django
    # sees "async context" and refuses ORM calls (SynchronousOnlyOperation) from the test
    # body and from the transactional_db teardown. There is no concurrent access: the
    # loop only drives the browser, so the guard is safe to lift while the browser lives.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture(autouse=True)
def _every_browser_test_keeps_the_roles(newsroom_roles_kept):
    pass


@pytest.fixture
def page(browser):
    """A page in a fresh browser context (no cookies or cache from other tests), desktop
    sized; call `page.set_viewport_size(PHONE)` for the phone layout."""
    context = browser.new_context(viewport=DESKTOP, locale="ar")
    # Fail fast instead of hanging for 30 s on a missing element.
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(live_server):
    """`sign_in(page, username, next)`: the newsroom's login form filled in `page` for a user
    made with tests.factories.make_user, then `next` (a path) is open."""

    def sign_in(page, username, next="/admin/"):
        page.goto(f"{live_server.url}/admin/login/?next={next}")
        page.fill("#id_username", username)
        page.fill("#id_password", "correct horse battery")
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}{next}")

    return sign_in


@pytest.fixture
def artifacts():
    """The directory for screenshots and other files a browser test leaves behind.
    Name files after the test so parallel browser tests don't overwrite each other."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR
