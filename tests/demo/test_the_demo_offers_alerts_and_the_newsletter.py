"""A visitor to the demo newspaper finds, at the foot of every page, the daily newsletter's
sign-up form and the «تنبيهات الأخبار العاجلة» button; signing up works there and then,
and the operator is told where the emails appear. In the newsroom, the demo's breaking
story has its «عاجل» button."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from sahafa.articles.models import Article
from sahafa.demo.loader import load_demo_content
from tests.newsletters.inbox import sign_up

pytestmark = pytest.mark.django_db


def test_the_demo_front_page_offers_the_newsletter_and_alerts(reader):
    load_demo_content()

    page = reader.get("/").content.decode()
    article = reader.get(Article.objects.published().first().get_absolute_url()).content.decode()

    for shown in (page, article):
        assert "النشرة اليومية" in shown
        assert "تنبيهات الأخبار العاجلة" in shown
    assert sign_up(reader, "visitor@example.com").status_code == 302
    assert len(mail.outbox) == 1


def test_the_demo_newsroom_can_alert_readers_to_its_breaking_story(editor):
    load_demo_content()
    breaking = Article.objects.breaking().first()

    page = editor.get(reverse("admin:articles_article_change", args=[breaking.pk]))

    assert "إرسال تنبيه «عاجل»" in page.content.decode()


def test_the_operator_is_told_where_newsletter_emails_appear(capsys, settings):
    settings.SAHAFA_ADMIN_PASSWORD = "a-long-demo-password"
    call_command("demo", no_serve=True)

    assert "sahafa send-digest" in capsys.readouterr().out
