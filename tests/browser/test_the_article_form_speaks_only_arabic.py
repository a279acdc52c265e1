"""An editor opens a story in the newsroom and every word of the form is Arabic: the date
and time pickers, the time-zone note, the buttons and the links — none of the admin's
English leaks through a second translation catalogue."""

import re

import pytest

from sahafa.newsroom import roles
from tests.browser.conftest import DESKTOP
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)

# The admin's own English, as the date and time widgets, the time-zone note and the tools
# around the form write it when no Arabic catalogue answers.
ENGLISH = [
    "Today",
    "Now",
    "Midnight",
    "Noon",
    "6 a.m.",
    "Yesterday",
    "Tomorrow",
    "Choose a Time",
    "Choose a Date",
    "Choose a time",
    "Choose a date",
    "Note: You are",
    "server time",
    "Save",
    "Delete",
    "History",
    "Close",
    "Cancel",
    "January",
]


@pytest.fixture
def page_in_tokyo(browser):
    """An editor's browser in Tokyo: the admin writes its time-zone note under the date
    fields when the browser's clock is in another zone than the newsroom's (Africa/Cairo
    in the tests)."""
    context = browser.new_context(viewport=DESKTOP, locale="ar", timezone_id="Asia/Tokyo")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


BUTTON_WORDS = "buttons => buttons.map(b => b.value || b.innerText || b.title || '')"


def test_an_editor_sees_the_article_form_in_arabic_only(page_in_tokyo, sign_in, artifacts):
    page = page_in_tokyo
    make_user("editor", roles.EDITOR)
    article = make_article("وزير الطاقة يلتقي نظراءه في فيينا")
    sign_in(page, "editor", next=f"/admin/articles/article/{article.pk}/change/")
    page.wait_for_selector(".timezonewarning")
    buttons = page.locator("input[type=submit]:visible, button:visible, a.button:visible")
    texts = [page.locator("body").inner_text(), *buttons.evaluate_all(BUTTON_WORDS)]
    # Open the calendar, then the clock, so their words show too.
    for popup in ("calendar", "clock"):
        page.locator(f".datetimeshortcuts a[id^={popup}link]").first.click()
        page.wait_for_selector(f".{popup}box", state="visible")
        page.screenshot(path=artifacts / f"article_form_in_arabic-{popup}.png", full_page=True)
        texts.append(page.locator(f".{popup}box").first.inner_text())
        page.keyboard.press("Escape")

    text = "\n".join(texts)
    english = [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]
    assert english == []
    for arabic in ["اليوم", "الآن", "منتصف الليل", "الظهر", "ملاحظة: أنت متقدم", "احفظ", "احذف"]:
        assert arabic in text, arabic


# Each label of the rich-text editor's toolbar: the buttons' titles (their text is an
# icon's name) and the words of their menus (headings, the pull quote's style, the table).
TOOLBAR_LABELS = """toolbar => [...toolbar.querySelectorAll('*')].flatMap(element => [
  element.title || '',
  element.children.length || element.classList.contains('material-icons')
    ? '' : element.textContent.trim(),
]).filter(Boolean)"""


def test_the_editor_toolbar_and_its_menus_speak_arabic(page, sign_in, artifacts):
    make_user("editor", roles.EDITOR)
    sign_in(page, "editor", next="/admin/articles/article/add/")
    page.locator(".prose-editor .ProseMirror[contenteditable=true]").click()
    page.keyboard.insert_text("نص الخبر")

    labels = page.locator(".prose-menubar").first.evaluate(TOOLBAR_LABELS)
    page.screenshot(path=artifacts / "article_form_in_arabic-toolbar.png")

    # «HTML» is the name of the format, the same in Arabic newsrooms.
    english = sorted({label for label in labels if re.search("[A-Za-z]", label)} - {"HTML"})
    assert english == []
    for arabic in ("عريض", "إدراج جدول", "دمج الخلايا", "الاقتباس: اقتباس بارز", "الاقتباس: عادي"):
        assert arabic in labels, arabic
