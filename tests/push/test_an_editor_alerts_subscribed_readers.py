"""Huda and Karim asked for «عاجل» alerts on their phones. The editor publishes a big
story and sends the alert with one click: it reaches both phones' push service over
HTTP, signed with the site's VAPID key and encrypted so that only each phone can read it.
Karim's browser had since dropped its subscription: his push service answers 410, and the
site forgets him."""

import pytest
from django.conf import settings
from django.urls import reverse
from http_ece import ECEException

from sahafa.articles.models import ArticleLogEntry
from sahafa.push.models import Alert, Subscription
from tests.factories import make_article

from .browsers import Browser, vapid_claims
from .readers import subscribe

pytestmark = pytest.mark.django_db


def alert_button(editor, article):
    page = editor.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert page.status_code == 200
    return reverse("admin:articles_article_push_alert", args=[article.pk]), page.content.decode()


def test_the_alert_reaches_each_phone_encrypted_for_it_alone(reader, editor, push_service):
    huda, karim = Browser(push_service), Browser(push_service)
    assert subscribe(reader, huda.subscription()).status_code == 201
    assert subscribe(reader, karim.subscription()).status_code == 201
    article = make_article("زلزال بقوة 6 درجات يضرب جنوب البلاد")

    url, page = alert_button(editor, article)
    assert "إرسال تنبيه «عاجل»" in page and url in page
    answer = editor.post(url, follow=True)

    assert "في طريقه إلى القرّاء المشتركين" in answer.content.decode()
    for phone in (huda, karim):
        (delivery,) = push_service.to(phone)
        alert = phone.read(delivery)
        assert alert["title"] == "عاجل: زلزال بقوة 6 درجات يضرب جنوب البلاد"
        assert alert["url"] == settings.SAHAFA_BASE_URL + article.get_absolute_url()
        claims = vapid_claims(delivery, settings.SAHAFA_VAPID_PUBLIC_KEY)
        assert claims["aud"] == push_service.origin
        assert claims["sub"] == settings.SAHAFA_VAPID_SUBJECT
        assert int(delivery.headers["TTL"]) > 0
        assert delivery.headers["Urgency"] == "high"
    # Each phone's copy is encrypted for it: Huda's keys do not open Karim's.
    with pytest.raises(ECEException):
        huda.read(push_service.to(karim)[0])

    sent = Alert.objects.get(article=article)
    assert (sent.delivered, sent.dropped, sent.failed) == (2, 0, 0)
    assert ArticleLogEntry.objects.filter(article=article, action="push_alert").count() == 1


def test_a_dropped_subscription_answers_410_and_is_forgotten(reader, editor, push_service):
    huda, karim = Browser(push_service), Browser(push_service)
    subscribe(reader, huda.subscription())
    subscribe(reader, karim.subscription())
    push_service.gone.add(karim.path)
    article = make_article()

    editor.post(alert_button(editor, article)[0])

    assert len(push_service.to(karim)) == 1
    assert list(Subscription.objects.values_list("endpoint", flat=True)) == [huda.endpoint]
    sent = Alert.objects.get(article=article)
    assert (sent.delivered, sent.dropped) == (1, 1)


def test_a_second_click_sends_nothing_more(reader, editor, push_service):
    huda = Browser(push_service)
    subscribe(reader, huda.subscription())
    article = make_article()
    url, _page = alert_button(editor, article)

    editor.post(url)
    again = editor.post(url, follow=True)

    assert "أُرسل تنبيه لهذا المقال من قبل" in again.content.decode()
    assert len(push_service.to(huda)) == 1
    _url, page = alert_button(editor, article)
    assert "أُرسل تنبيه «عاجل»" in page


def test_a_draft_cannot_be_sent_as_an_alert(reader, editor, push_service):
    subscribe(reader, Browser(push_service).subscription())
    draft = make_article(published=False)

    _url, page = alert_button(editor, draft)
    answer = editor.post(reverse("admin:articles_article_push_alert", args=[draft.pk]), follow=True)

    assert "إرسال تنبيه «عاجل»" not in page
    assert "يُرسل تنبيه عن مقال منشور فقط" in answer.content.decode()
    assert push_service.deliveries == []
    assert not Alert.objects.exists()
