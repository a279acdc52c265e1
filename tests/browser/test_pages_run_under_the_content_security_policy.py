"""The site's Content-Security-Policy forbids inline scripts, event handlers and styles.
A reader opens a story with its comments and searches; an editor opens a story in the
newsroom's editor (django-prose-editor), types in it, and goes round the desk. Chromium
reports no violation of the policy on any of these pages: nothing the site needs is
blocked."""

import pytest

from sahafa.newsroom import roles
from tests.factories import make_article, make_comment, make_section, make_tag, make_user

pytestmark = pytest.mark.django_db(transaction=True)

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, with every policy violation it reports gathered (the DOM event and
    Chromium's console message both)."""
    console = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and console.append(message.text),
    )

    def violations():
        return page.evaluate("window.__violations") + console

    page.violations = violations
    return page


def test_a_reader_page_and_the_search_page_break_no_policy(live_server, watched):
    section = make_section("اقتصاد", slug="economy")
    article = make_article(section=section, tags=[make_tag("النفط")])
    make_comment(article, name="منى السالم", body="تحليل مفيد عن أسعار النفط.")

    watched.goto(live_server.url + article.get_absolute_url())
    watched.wait_for_selector(".comment")
    assert watched.violations() == []
    assert watched.evaluate("getComputedStyle(document.body).direction") == "rtl"

    watched.goto(live_server.url + "/search/?q=النفط")
    watched.wait_for_selector("main")
    assert watched.violations() == []


def test_the_newsroom_editor_works_under_the_policy(live_server, watched):
    make_user("editor", roles.EDITOR)
    article = make_article(section=make_section("سياسة", slug="politics"))

    watched.goto(
        f"{live_server.url}/admin/login/?next=/admin/articles/article/{article.pk}/change/"
    )
    watched.fill("#id_username", "editor")
    watched.fill("#id_password", "correct horse battery")
    watched.click("input[type=submit]")
    editor_area = watched.locator(".prose-editor .ProseMirror[contenteditable=true]")
    editor_area.click()
    watched.keyboard.insert_text("سطر جديد من المحرر.")
    watched.locator("#id_published_at_0, #id_headline").first.click()

    assert "سطر جديد من المحرر." in editor_area.inner_text()
    assert watched.violations() == []

    for desk in ("/admin/", "/admin/articles/article/", "/admin/articles/article/add/"):
        watched.goto(live_server.url + desk)
        watched.wait_for_selector("#content")
        assert watched.violations() == [], desk
