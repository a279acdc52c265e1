"""A reader who mistypes an address, or sends the form too often, gets the form back with
a clear Arabic reason and what they typed still in it — never a 500."""

import pytest
from django.core import mail

from sahafa.newsletters.models import Subscriber

from .inbox import sign_up

pytestmark = pytest.mark.django_db


def test_a_mistyped_address_comes_back_with_an_arabic_error(reader):
    answer = sign_up(reader, "layla@example")

    page = answer.content.decode()
    assert answer.status_code == 400
    assert "لا يبدو هذا عنوان بريد إلكتروني" in page
    assert 'value="layla@example"' in page
    assert not Subscriber.objects.exists()


def test_an_empty_form_asks_for_the_address(reader):
    answer = sign_up(reader, "   ")

    assert answer.status_code == 400
    assert "اكتب عنوان بريدك الإلكتروني لتشترك" in answer.content.decode()


def test_a_form_sent_from_another_site_is_refused_with_the_address_kept(reader):
    answer = sign_up(reader, "layla@example.com", HTTP_ORIGIN="https://evil.example")

    assert answer.status_code == 403
    assert 'value="layla@example.com"' in answer.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_a_bot_filling_the_hidden_field_is_refused(reader, settings):
    answer = reader.post(
        "/newsletter/subscribe/",
        {"email": "bot@example.com", "website": "http://spam.example"},
        HTTP_ORIGIN=settings.SAHAFA_BASE_URL,
    )

    assert answer.status_code == 400
    assert not Subscriber.objects.exists()


def test_one_address_of_readers_and_one_inbox_are_rate_limited(reader, settings):
    settings.SAHAFA_NEWSLETTER_RATE_PER_IP = (3, 3600)
    settings.SAHAFA_NEWSLETTER_RATE_PER_EMAIL = (2, 86400)

    from_one_ip = [sign_up(reader, f"reader{n}@example.com").status_code for n in range(4)]
    for_one_inbox = [
        sign_up(reader, "layla@example.com", ip=f"198.51.100.{n}").status_code for n in range(3)
    ]

    assert from_one_ip == [302, 302, 302, 429]
    assert for_one_inbox == [302, 302, 429]
    answer = sign_up(reader, "layla@example.com", ip="198.51.100.50")
    assert "محاولات اشتراك كثيرة" in answer.content.decode()
    assert 'value="layla@example.com"' in answer.content.decode()
