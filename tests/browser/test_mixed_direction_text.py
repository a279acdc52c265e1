"""A headline mixing Arabic with a Latin name, numbers and punctuation keeps its order:
in the editor while the editor types it, and on the published page readers see."""

import pytest

from sahafa.articles.models import Article
from sahafa.newsroom import roles
from tests.factories import make_section, make_user

pytestmark = pytest.mark.django_db(transaction=True)


HEADLINE = "قمة G20 في 2024: “نعم”"
PARAGRAPH = "قال المتحدث باسم G20 إن القمة في 2024 ستجمع 20 دولة."
EDITOR_AREA = ".prose-editor .ProseMirror[contenteditable=true]"

# The on-screen box of the first occurrence of `word` inside the element `selector`.
WORD_BOX = """([selector, word]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const box = range.getBoundingClientRect();
      return {left: box.left, right: box.right, top: box.top};
    }
  }
  return null;
}"""


def box(page, selector, word):
    found = page.evaluate(WORD_BOX, [selector, word])
    assert found, f"{word!r} not found in {selector}"
    return found


def assert_reads_right_to_left(page, selector, first, then):
    """`then` follows `first` in reading order: on the same line, to its left."""
    first_box, then_box = box(page, selector, first), box(page, selector, then)
    assert abs(first_box["top"] - then_box["top"]) < 5, "expected one line"
    assert then_box["right"] <= first_box["left"] + 1, (first, first_box, then, then_box)


def test_an_editor_publishes_a_mixed_direction_headline_that_reads_right(
    live_server, page, artifacts
):
    make_user("editor", roles.EDITOR)
    section = make_section("سياسة", slug="politics")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")

    page.fill("#id_headline", HEADLINE)
    page.select_option("#id_section", str(section.pk))
    editor_area = page.locator(EDITOR_AREA)
    editor_area.click()
    page.keyboard.insert_text(PARAGRAPH)

    assert editor_area.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert page.locator("#id_headline").get_attribute("dir") == "auto"
    # The editor's dialogs (link, list) speak Arabic.
    assert page.evaluate("gettext('Edit Link')") == "تحرير الرابط"
    assert_reads_right_to_left(page, EDITOR_AREA, "قال", "G20")
    page.screenshot(path=artifacts / "mixed_direction_text-editor.png", full_page=True)

    page.click("input[name=_publish]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert article.headline == HEADLINE
    assert PARAGRAPH in article.body
    assert article.is_public

    page.goto(live_server.url + article.get_absolute_url())
    headline = page.locator("h1")
    assert headline.inner_text() == HEADLINE
    # Either dir="auto" (which picks RTL from the first Arabic letter) or the page's RTL.
    assert headline.get_attribute("dir") in {"auto", None}
    assert headline.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert_reads_right_to_left(page, "h1", "قمة", "G20")
    assert_reads_right_to_left(page, "h1", "G20", "في")
    assert_reads_right_to_left(page, "h1", "في", "2024")
    assert_reads_right_to_left(page, "h1", "2024", "نعم")
    assert_reads_right_to_left(page, ".article-body", "قال", "G20")
    page.screenshot(path=artifacts / "mixed_direction_text-article.png", full_page=True)
