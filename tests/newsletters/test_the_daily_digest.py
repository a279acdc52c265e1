"""Every morning the confirmed subscribers get the day's top stories, section by section
in the site's order, the most-read first: an HTML email laid out right to left with
inline styles, and a plain-text part, each with a one-click unsubscribe that mail
providers can use (List-Unsubscribe, RFC 8058). A pending or unsubscribed address gets
nothing; running the digest again the same day sends nothing twice."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from sahafa.mostread import lists
from sahafa.mostread.counting import hour_number
from sahafa.mostread.fold import hour_start
from sahafa.mostread.models import HourlyViews
from tests.factories import make_article, make_section

from .inbox import confirmed, html_of, mails_to, sign_up, unsubscribe_link

pytestmark = pytest.mark.django_db

LAYLA = "layla@example.com"


def read(article, views):
    HourlyViews.objects.create(article=article, hour=hour_start(hour_number()), views=views)


@pytest.fixture
def the_day():
    """Politics and sport stories of the last 24 hours, with yesterday's readers counted."""
    now = timezone.now()
    politics = make_section("سياسة", order=1)
    sport = make_section("رياضة", order=2)
    stories = {
        "ceasefire": make_article(
            "هدنة في غزة تدخل يومها الثاني", section=politics, published_at=now - timedelta(hours=5)
        ),
        "summit": make_article(
            "قمة الرياض تبحث أمن الطاقة", section=politics, published_at=now - timedelta(hours=3)
        ),
        "vote": make_article(
            "البرلمان يقر الميزانية", section=politics, published_at=now - timedelta(hours=1)
        ),
        "final": make_article(
            "الهلال يتوج بكأس الملك", section=sport, published_at=now - timedelta(hours=8)
        ),
        "old": make_article(
            "خبر من أمس الأول", section=politics, published_at=now - timedelta(hours=30)
        ),
        "draft": make_article("مسودة لم تنشر", section=sport, published=False),
        "later": make_article(
            "مقال مجدول للغد", section=sport, published_at=now + timedelta(hours=3)
        ),
    }
    read(stories["ceasefire"], 80)
    read(stories["summit"], 20)
    lists.refresh()
    return stories


def test_subscribers_get_the_top_stories_by_section(reader, the_day):
    confirmed(reader, LAYLA)
    mail.outbox.clear()

    call_command("send_digest")

    (digest,) = mails_to(LAYLA)
    assert digest.subject == "صحافة: أهم أخبار اليوم"
    text = digest.body
    order = [
        "== سياسة ==",
        "هدنة في غزة تدخل يومها الثاني",
        "قمة الرياض تبحث أمن الطاقة",
        "البرلمان يقر الميزانية",
        "== رياضة ==",
        "الهلال يتوج بكأس الملك",
    ]
    assert [text.index(line) for line in order] == sorted(text.index(line) for line in order)
    for absent in ("خبر من أمس الأول", "مسودة لم تنشر", "مقال مجدول للغد"):
        assert absent not in text
    assert the_day["ceasefire"].get_share_url() + "\n" in text  # short: /a/<id>

    html = html_of(digest)
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert '<body dir="rtl"' in html
    assert "<style" not in html and "<link" not in html  # inline styles only
    assert 'align="right"' in html and "text-align:right" in html
    assert html.index("هدنة في غزة") < html.index("قمة الرياض") < html.index("الهلال يتوج")

    link = unsubscribe_link(digest)
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{link}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in html
    sent = digest.message()
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_only_confirmed_addresses_and_only_once_a_day(reader, client, the_day):
    confirmed(reader, LAYLA)
    sign_up(client, "pending@example.com", ip="198.51.100.2")
    mail.outbox.clear()

    call_command("send_digest")
    call_command("send_digest")

    assert [message.to for message in mail.outbox] == [[LAYLA]]


def test_a_day_without_new_stories_sends_nothing(reader):
    make_article("خبر قديم", published_at=timezone.now() - timedelta(days=3))
    confirmed(reader, LAYLA)
    mail.outbox.clear()

    call_command("send_digest", now=True)

    assert mail.outbox == []
