"""An editor opens an article's revisions in Chromium, picks two, compares them side by
side — right to left, the older text on the right, inserted and deleted words coloured —
restores the older one, and reads the correction readers now see. The policy reports no
violation."""

import pytest

from sahafa.newsroom import roles
from sahafa.revisions import history
from sahafa.revisions.models import Correction
from tests.factories import make_article, make_section, make_user

from .test_pages_run_under_the_content_security_policy import LISTEN

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_compares_and_restores_in_the_browser(live_server, page, sign_in, artifacts):
    editor = make_user("editor", roles.EDITOR)
    article = make_article(
        "البرلمان يقر قانون الانتخاب",
        section=make_section("سياسة", slug="politics"),
        body="<p>صوت 86 نائباً لصالح القانون في الجلسة.</p>",
    )
    history.record(article, None)
    article.body = "<p>صوت 87 نائباً لصالح القانون الجديد في الجلسة.</p>"
    article.save()
    history.record(article, editor)
    Correction.objects.create(article=article, text="صُحح عدد النواب المؤيدين.")
    violations = []
    page.add_init_script(LISTEN)
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))

    sign_in(page, "editor", f"/admin/articles/article/{article.pk}/revisions/")
    page.click("input[type=submit][form=compare-form]")
    page.wait_for_selector(".revision-compare")
    page.screenshot(path=artifacts / "revisions-compare.png", full_page=True)

    old_cell = page.locator(".revision-changed .revision-old").last
    new_cell = page.locator(".revision-changed .revision-new").last
    assert old_cell.locator("del").all_inner_texts() == ["86"]
    assert new_cell.locator("ins").all_inner_texts() == ["87", "الجديد"]
    assert old_cell.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # Right to left: the older column (first in the source) is drawn to the right.
    assert old_cell.bounding_box()["x"] > new_cell.bounding_box()["x"]
    assert page.locator("ins").first.evaluate("e => getComputedStyle(e).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    )

    page.click("text=استعادة النص الأقدم")
    page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.body == "<p>صوت 86 نائباً لصالح القانون في الجلسة.</p>"

    page.goto(live_server.url + article.get_absolute_url())
    notice = page.locator("aside.corrections")
    assert "صُحح عدد النواب المؤيدين." in notice.inner_text()
    assert notice.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.evaluate("window.__violations") + violations == []
