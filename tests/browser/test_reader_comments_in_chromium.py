"""A reader replies to a comment in Chromium, sees it held, and finds it threaded once a
moderator approves it."""

import time

import pytest
from django.contrib.auth.models import User

from sahafa.comments import workflow
from sahafa.comments.models import Comment
from sahafa.newsroom import roles
from tests.factories import make_article, make_comment, make_section, make_user

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reply_is_held_then_appears_threaded_after_approval(
    live_server, page, artifacts, settings
):
    settings.SAHAFA_COMMENTS_MIN_FILL_SECONDS = 1
    article = make_article(section=make_section("سياسة", slug="politics"))
    first = make_comment(article, name="منى السالم", body="هل من تفاصيل عن موعد المفاوضات؟")
    article_url = live_server.url + article.get_absolute_url()

    page.goto(article_url)
    assert page.locator("#reply-title").inner_text() == "اترك تعليقاً"
    assert not page.locator("#id_remember").is_checked()
    page.locator(f"#comment-{first.pk} .comment-reply-link").click()
    assert "الرد على منى السالم" in page.locator("#reply-title").inner_text()
    page.fill("#id_comment", "المفاوضات تبدأ الأسبوع المقبل بحسب المقال.")
    page.fill("#id_author", "يوسف")
    page.fill("#id_email", "yousef@example.com")
    page.check("#id_remember")
    time.sleep(1.2)  # a person takes a moment; the form refuses instant posts
    page.click("#submit")  # posted by fetch(): the comments region is replaced in place

    held = page.locator(".comment--held")
    assert "تعليقك بانتظار المراجعة" in held.inner_text()
    assert page.locator(f"#comment-{first.pk} .children .comment--held").count() == 1
    page.wait_for_url("**?held=*")
    page.screenshot(path=artifacts / "comments-held.png", full_page=True)

    reply = Comment.objects.get(name="يوسف")
    assert (reply.status, reply.parent_id) == ("pending", first.pk)
    moderator = make_user("moderator_browser", roles.COMMENT_MODERATOR)
    workflow.approve(reply, User.objects.get(pk=moderator.pk))

    page.goto(article_url)
    threaded = page.locator(f"#comment-{first.pk} .children #comment-{reply.pk}")
    assert "المفاوضات تبدأ الأسبوع المقبل" in threaded.inner_text()
    assert page.locator(".comments-title").inner_text() == "تعليقان"
    assert page.locator(".comment--held").count() == 0
    # "Remember me" filled the form from this browser's storage, not from the server.
    assert page.input_value("#id_author") == "يوسف"
    assert page.input_value("#id_email") == "yousef@example.com"
    assert page.locator("#id_remember").is_checked()
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=artifacts / "comments-threaded-phone.png", full_page=True)


def test_errors_show_next_to_the_field_in_arabic(live_server, page, settings):
    settings.SAHAFA_COMMENTS_MIN_FILL_SECONDS = 0
    article = make_article()

    page.goto(live_server.url + article.get_absolute_url())
    page.fill("#id_comment", "نص لا أريد أن أفقده")
    page.fill("#id_author", "هدى")
    page.fill("#id_email", "huda@example")  # the browser accepts it; the server does not
    page.click("#submit")

    # The answer replaces the form in place: the page is not reloaded.
    error = page.locator(".comment-form-email .errorlist")
    assert error.inner_text() == "أدخِل عنوان بريد إلكتروني صحيح."
    assert page.url.endswith(article.get_absolute_url())
    assert page.input_value("#id_comment") == "نص لا أريد أن أفقده"
    assert Comment.objects.count() == 0


def test_the_form_posts_without_javascript_too(live_server, browser, settings):
    settings.SAHAFA_COMMENTS_MIN_FILL_SECONDS = 0
    article = make_article()
    context = browser.new_context(viewport=DESKTOP, locale="ar", java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(live_server.url + article.get_absolute_url())
        page.fill("#id_comment", "تعليق من متصفح بلا جافاسكربت")
        page.fill("#id_author", "سامي")
        page.fill("#id_email", "sami@example.com")
        page.click("#submit")

        assert "?held=" in page.url
        assert "تعليقك بانتظار المراجعة" in page.locator(".comment--held").inner_text()
        assert Comment.objects.get().body == "تعليق من متصفح بلا جافاسكربت"
    finally:
        context.close()
