"""A writer's own story is published; the writer cannot send it as an «عاجل» alert, nor
can the comment moderator: neither sees the button, and a crafted POST is refused with
nothing sent. Only editors (محرر) alert the readers."""

import pytest
from django.urls import reverse

from sahafa.push.models import Alert
from tests.factories import make_article

from .browsers import Browser
from .readers import subscribe

pytestmark = pytest.mark.django_db


def test_a_writer_is_refused(reader, writer, push_service):
    subscribe(reader, Browser(push_service).subscription())
    article = make_article(by=writer.user)

    page = writer.get(reverse("admin:articles_article_change", args=[article.pk]))
    answer = writer.post(reverse("admin:articles_article_push_alert", args=[article.pk]))

    assert page.status_code == 200
    assert "إرسال تنبيه «عاجل»" not in page.content.decode()
    assert answer.status_code == 403
    assert not Alert.objects.exists()
    assert push_service.deliveries == []


def test_a_comment_moderator_is_refused(reader, moderator, push_service):
    subscribe(reader, Browser(push_service).subscription())
    article = make_article()

    answer = moderator.post(reverse("admin:articles_article_push_alert", args=[article.pk]))

    assert answer.status_code in (403, 404)
    assert not Alert.objects.exists()
    assert push_service.deliveries == []


def test_a_reader_is_sent_to_the_login_page(reader, push_service):
    article = make_article()

    answer = reader.post(reverse("admin:articles_article_push_alert", args=[article.pk]))

    assert answer.status_code == 302
    assert reverse("admin:login") in answer["Location"]
    assert not Alert.objects.exists()


def test_an_alert_asked_with_a_get_is_refused(editor, push_service):
    article = make_article()

    answer = editor.get(reverse("admin:articles_article_push_alert", args=[article.pk]))

    assert answer.status_code == 405
    assert not Alert.objects.exists()
