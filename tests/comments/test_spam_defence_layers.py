"""Bots are turned away at the form; suspicious comments wait for a person."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from sahafa.comments.forms import issue_token, read_token
from sahafa.comments.models import BlockedSender, Comment
from tests.comments.posting import form_data, post_comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def test_a_post_forged_on_another_site_gets_the_form_back_and_saves_nothing():
    article = make_article()
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        reverse("comments:post", args=[article.pk]),
        form_data(article, comment="تعليق كتبه القارئ بنفسه"),
        HTTP_ORIGIN="https://evil.example",
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert "تعذّر التحقق من هذا النموذج" in html
    assert "تعليق كتبه القارئ بنفسه" in html
    assert Comment.objects.count() == 0


def test_a_reader_posting_from_the_page_needs_no_csrf_cookie():
    article = make_article()
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        reverse("comments:post", args=[article.pk]),
        form_data(article),
        HTTP_ORIGIN="http://testserver",
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_staff_post_without_its_csrf_token_gets_the_form_back(editor):
    article = make_article()
    editor.handler.enforce_csrf_checks = True

    response = editor.post(
        reverse("comments:post", args=[article.pk]), form_data(article, comment="رأي المحرر")
    )

    assert response.status_code == 403
    assert "رأي المحرر" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_filled_honeypot_is_refused(reader):
    article = make_article()

    response = post_comment(reader, article, phone="0551234567")

    assert response.status_code == 400
    assert "تعذّر قبول تعليقك." in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_form_sent_within_seconds_is_refused_and_can_be_sent_again(reader, settings):
    settings.SAHAFA_COMMENTS_MIN_FILL_SECONDS = 3
    article = make_article()

    response = post_comment(reader, article, issued=issue_token(article.pk))

    html = response.content.decode()
    assert response.status_code == 400
    assert "أرسلت التعليق بسرعة كبيرة" in html
    assert "تحليل ممتاز، أتفق مع ما جاء في المقال.</textarea>" in html
    # The same form, a moment later, goes through.
    resent = post_comment(reader, article, issued=issue_token(article.pk, at=time.time() - 5))
    assert resent.status_code == 302


def _issued_on(page):
    return re.search(r'name="issued" value="([^"]+)"', page).group(1)


def test_every_render_of_the_form_is_timed_from_its_own_moment(reader):
    # The form's HTML is kept between renders; its timestamp must not be, or a bot could
    # wait once and post a thousand times as "a person who took a while".
    article = make_article()
    parent = make_comment(article)

    before = time.time()
    first = reader.get(article.get_absolute_url()).content.decode()
    second = reader.get(article.get_absolute_url()).content.decode()

    first_token, second_token = _issued_on(first), _issued_on(second)
    assert before <= read_token(first_token, article.pk) < read_token(second_token, article.pk)
    assert first.replace(first_token, "") == second.replace(second_token, "")
    assert "اترك تعليقاً" in second and 'name="comment"' in second
    # A reader replying gets the same form, addressed to the comment they answer.
    replying = reader.get(article.get_absolute_url(), {"replyto": parent.pk}).content.decode()
    assert f'name="parent" value="{parent.pk}"' in replying
    assert read_token(_issued_on(replying), article.pk) > read_token(second_token, article.pk)


@pytest.mark.parametrize("token", ["", "forged", "eyJhcnRpY2xlIjoxfQ:bad:sig"])
def test_a_missing_or_forged_timestamp_is_refused(reader, token):
    article = make_article()

    response = post_comment(reader, article, issued=token)

    assert response.status_code == 400
    assert "انتهت صلاحية النموذج" in response.content.decode()


def test_a_timestamp_from_another_article_is_refused(reader):
    article, other = make_article(), make_article(headline="خبر آخر")

    response = post_comment(reader, article, issued=issue_token(other.pk, at=time.time() - 60))

    assert response.status_code == 400


def test_too_many_links_hold_the_comment_with_the_reason(reader, settings):
    settings.SAHAFA_COMMENTS_MAX_LINKS = 2
    make_comment(make_article(), email="layla@example.com")  # a known commenter
    article = make_article()

    post_comment(
        reader,
        article,
        comment="انظروا https://a.example و http://b.example و www.c.example",
    )

    comment = Comment.objects.get(article=article)
    assert comment.status == Comment.Status.PENDING
    assert "روابط كثيرة (3" in comment.reason


def test_the_same_comment_twice_is_refused_as_a_duplicate(reader):
    article = make_article()
    post_comment(reader, article, comment="رأيي في هذا الموضوع واضح")

    again = post_comment(reader, article, comment="رأيــي في هذا الموضوع واضح!!")

    assert again.status_code == 409
    assert "يبدو أنك قلت هذا من قبل" in again.content.decode()
    assert Comment.objects.count() == 1


def test_the_same_long_text_from_many_senders_is_held(reader):
    spam_run = "أفضل عروض الاستثمار في العملات الرقمية تجدونها على صفحتنا"
    make_comment(make_article(), body=spam_run, email="first@example.com")
    make_comment(make_article(), email="second@example.com")  # known, would be approved
    article = make_article()

    post_comment(reader, article, comment=spam_run, email="second@example.com")

    comment = Comment.objects.get(article=article)
    assert comment.status == Comment.Status.PENDING
    assert comment.reason == "النص نفسه نشره شخص آخر"


@pytest.mark.parametrize(("kind", "value"), [("email", "LAYLA@example.com"), ("ip", "203.0.113.7")])
def test_a_blocked_sender_goes_straight_to_spam(reader, kind, value):
    BlockedSender.objects.create(kind=kind, value=value)
    article = make_article()

    response = post_comment(reader, article)

    assert response.status_code == 302  # the sender is not told
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert comment.reason.startswith("مرسل محظور")
    assert "layla" not in comment.reason


def test_new_commenters_are_held_and_known_ones_approved(reader, settings):
    article = make_article()
    post_comment(reader, article, email="new@example.com", comment="تعليق أول")
    make_comment(make_article(), email="known@example.com")
    post_comment(reader, article, email="Known@Example.com", comment="تعليق معروف")

    assert Comment.objects.get(body="تعليق أول").status == Comment.Status.PENDING
    known = Comment.objects.get(body="تعليق معروف")
    assert known.status == Comment.Status.APPROVED
    assert known.reason == "للمعلّق تعليق سابق موافق عليه"


def test_auto_approval_can_be_switched_off(reader, settings):
    settings.SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN = False
    make_comment(make_article(), email="known@example.com")
    article = make_article()

    post_comment(reader, article, email="known@example.com")

    assert Comment.objects.get(article=article).status == Comment.Status.PENDING
