"""A headline mixing Arabic with a Latin name, numbers and punctuation keeps its order:
in the editor while the editor types it, and on the published page readers see. Arabic
text that happens to start with a Latin word («OPEC+ تبحث…») stays right to left — in
search results, in comments and in the newsroom's inputs — with the Latin run isolated."""

import pytest

from sahafa.articles.models import Article
from sahafa.newsroom import roles
from tests.factories import make_article, make_comment, make_section, make_user

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
    live_server, page, sign_in, artifacts
):
    make_user("editor", roles.EDITOR)
    section = make_section("سياسة", slug="politics")

    sign_in(page, "editor", next="/admin/articles/article/add/")

    page.fill("#id_headline", HEADLINE)
    page.select_option("#id_section", str(section.pk))
    editor_area = page.locator(EDITOR_AREA)
    editor_area.click()
    page.keyboard.insert_text(PARAGRAPH)

    assert editor_area.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert page.locator("#id_headline").get_attribute("dir") == "rtl"
    # The editor's dialogs (link, list) speak Arabic.
    assert page.evaluate("gettext('Edit Link')") == "تحرير الرابط"
    assert_reads_right_to_left(page, EDITOR_AREA, "قال", "G20")
    page.screenshot(path=artifacts / "mixed_direction_text-editor.png", full_page=True)

    page.click("input[name=_publish]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert article.headline == HEADLINE
    assert PARAGRAPH.replace("G20", "<bdi>G20</bdi>") in article.body
    assert article.is_public

    page.goto(live_server.url + article.get_absolute_url())
    headline = page.locator("h1")
    assert headline.inner_text() == HEADLINE
    assert headline.get_attribute("dir") == "rtl"
    assert headline.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert_reads_right_to_left(page, "h1", "قمة", "G20")
    assert_reads_right_to_left(page, "h1", "G20", "في")
    assert_reads_right_to_left(page, "h1", "في", "2024")
    assert_reads_right_to_left(page, "h1", "2024", "نعم")
    assert_reads_right_to_left(page, ".article-body", "قال", "G20")
    page.screenshot(path=artifacts / "mixed_direction_text-article.png", full_page=True)


LATIN_FIRST = "OPEC+ تبحث خفض الإنتاج في اجتماع فيينا"
COMMENT = "OPEC+ لن تخفض الإنتاج، هذا رأيي."

# How the browser lays out an element, and whether `word` in it sits inside an isolate:
# an element whose computed unicode-bidi is `isolate` (a <bdi> is one), up to `selector`.
LAYOUT = """([selector, word]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let isolated = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.includes(word)) {
      isolated = false;
      for (let at = node.parentElement; at && at !== root.parentElement; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.unicodeBidi === "isolate" || at.localName === "bdi") {
          isolated = at === root ? "the block itself" : at.localName;
          break;
        }
      }
      break;
    }
  }
  return {direction: getComputedStyle(root).direction, isolated};
}"""


def layout(page, selector, word):
    return page.evaluate(LAYOUT, [selector, word])


def assert_reads_left_to_right(page, selector, first, then):
    """Inside an isolated Latin run: `then` follows `first` to its right."""
    first_box, then_box = box(page, selector, first), box(page, selector, then)
    assert abs(first_box["top"] - then_box["top"]) < 5, "expected one line"
    assert then_box["left"] >= first_box["right"] - 1, (first, first_box, then, then_box)


def test_arabic_that_starts_with_a_latin_word_stays_right_to_left_for_readers(
    live_server, page, artifacts
):
    article = make_article("اجتماع فيينا للمنتجين", standfirst=LATIN_FIRST)
    make_comment(article, body=COMMENT)

    page.goto(f"{live_server.url}/search/?q=الإنتاج")
    snippet = ".search-result .search-snippet"
    assert layout(page, snippet, "OPEC") == {"direction": "rtl", "isolated": "bdi"}
    # The run keeps its «+» after «OPEC», and the Arabic reads on to its left.
    assert_reads_left_to_right(page, snippet, "OPEC", "+")
    assert_reads_right_to_left(page, snippet, "+", "تبحث")
    page.screenshot(path=artifacts / "mixed_direction_text-search.png", full_page=True)

    page.goto(live_server.url + article.get_absolute_url())
    for selector in (".standfirst", ".comment-content"):
        assert layout(page, selector, "OPEC") == {"direction": "rtl", "isolated": "bdi"}
        assert_reads_left_to_right(page, selector, "OPEC", "+")
    assert_reads_right_to_left(page, ".comment-content", "الإنتاج،", "هذا")
    page.screenshot(path=artifacts / "mixed_direction_text-comment.png", full_page=True)


def test_the_newsroom_inputs_stay_right_to_left_when_a_headline_starts_in_latin(page, sign_in):
    make_user("editor", roles.EDITOR)
    sign_in(page, "editor", next="/admin/articles/article/add/")

    for field in ("#id_headline", "#id_kicker", "#id_standfirst"):
        page.fill(field, LATIN_FIRST)
        assert layout(page, field, "")["direction"] == "rtl", field
    editor_area = page.locator(EDITOR_AREA)
    editor_area.click()
    page.keyboard.insert_text(LATIN_FIRST)
    assert layout(page, EDITOR_AREA, "OPEC")["direction"] == "rtl"


BODY_PARAGRAPH = "OPEC+ تبحث خفض الإنتاج في اجتماع فيينا، وفق Reuters."


def test_a_body_paragraph_that_starts_with_a_latin_name_stays_right_to_left(
    live_server, page, artifacts
):
    article = make_article(
        "اجتماع فيينا للمنتجين", body=f"<p>{BODY_PARAGRAPH}</p><p>قال الوزير إن القرار قريب.</p>"
    )

    page.goto(live_server.url + article.get_absolute_url())
    paragraph = ".article-body p:first-child"
    assert layout(page, paragraph, "OPEC") == {"direction": "rtl", "isolated": "bdi"}
    # «OPEC+» reads as written, then the Arabic goes on to its left; «Reuters» ends the
    # sentence, its full stop after it on the left.
    assert_reads_left_to_right(page, paragraph, "OPEC", "+")
    assert_reads_right_to_left(page, paragraph, "+", "تبحث")
    assert_reads_right_to_left(page, paragraph, "فيينا،", "وفق")
    assert_reads_right_to_left(page, paragraph, "Reuters", ".")
    # Right-aligned like the Arabic paragraph after it.
    first = page.locator(paragraph).evaluate("p => p.getBoundingClientRect().right")
    second = page.locator(".article-body p:nth-child(2)").evaluate(
        "p => p.getBoundingClientRect().right"
    )
    assert abs(first - second) < 1
    page.screenshot(path=artifacts / "mixed_direction_text-body.png", full_page=True)


def test_an_editor_reopens_an_isolated_body_and_saves_it_without_loss(page, sign_in):
    editor = make_user("editor", roles.EDITOR)
    article = make_article("اجتماع فيينا للمنتجين", body=f"<p>{BODY_PARAGRAPH}</p>", by=editor)
    stored = Article.objects.get(pk=article.pk).body
    assert stored.startswith("<p><bdi>OPEC+</bdi> تبحث")

    sign_in(page, "editor", next=f"/admin/articles/article/{article.pk}/change/")
    editor_area = page.locator(EDITOR_AREA)
    assert editor_area.inner_text().strip() == BODY_PARAGRAPH
    assert layout(page, EDITOR_AREA, "OPEC")["direction"] == "rtl"
    editor_area.click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text(" وأكد Bloomberg ذلك.")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    assert Article.objects.get(pk=article.pk).body == stored.replace(
        ".</p>", ". وأكد <bdi>Bloomberg</bdi> ذلك.</p>"
    )
