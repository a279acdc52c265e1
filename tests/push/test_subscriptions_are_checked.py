"""The opt-in endpoint takes a browser's subscription and nothing else: JSON from one of
the site's own pages, a known push service's address (the site POSTs alerts there, so an
address of anyone's choosing would let them aim the site at an internal service), keys of
the right sizes, a small body, and not too many from one address. A browser that turns
alerts off is forgotten."""

import json

import pytest
from django.urls import reverse

from sahafa.push.models import Subscription

from .browsers import Browser
from .readers import subscribe

pytestmark = pytest.mark.django_db


def test_the_same_browser_subscribing_twice_is_kept_once(reader, push_service):
    phone = Browser(push_service)

    assert subscribe(reader, phone.subscription()).status_code == 201
    assert subscribe(reader, phone.subscription()).status_code == 200
    assert Subscription.objects.count() == 1


def test_turning_alerts_off_forgets_the_browser(reader, push_service):
    phone = Browser(push_service)
    subscribe(reader, phone.subscription())

    answer = reader.post(
        reverse("push:unsubscribe"),
        json.dumps({"endpoint": phone.endpoint}),
        content_type="application/json",
        HTTP_ORIGIN="http://127.0.0.1:8000",
    )

    assert answer.status_code == 200
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "change, status",
    [
        (lambda s: {**s, "endpoint": "http://127.0.0.1:6379/"}, 400),
        (lambda s: {**s, "endpoint": "https://push.example.net/x"}, 400),
        (lambda s: {**s, "keys": {"p256dh": "AAAA", "auth": s["keys"]["auth"]}}, 400),
        (lambda s: {**s, "keys": {"p256dh": s["keys"]["p256dh"], "auth": "!!"}}, 400),
        (lambda s: {**s, "keys": "none"}, 400),
        (lambda s: [s], 400),
        (lambda s: {**s, "padding": "x" * 5000}, 413),
    ],
)
def test_what_is_not_a_usable_subscription_is_refused_in_arabic(
    reader, push_service, change, status
):
    answer = subscribe(reader, change(Browser(push_service).subscription()))

    assert answer.status_code == status
    assert any("\u0600" <= char <= "\u06ff" for char in answer.json()["error"])
    assert not Subscription.objects.exists()


def test_a_post_from_another_site_or_not_json_is_refused(reader, push_service):
    phone = Browser(push_service)

    forged = subscribe(reader, phone.subscription(), HTTP_ORIGIN="https://evil.example")
    as_form = reader.post(reverse("push:subscribe"), phone.subscription())

    assert forged.status_code == 403
    assert as_form.status_code == 415
    assert not Subscription.objects.exists()


def test_one_address_cannot_subscribe_without_end(reader, push_service, settings):
    settings.SAHAFA_PUSH_RATE_PER_IP = (3, 3600)

    answers = [subscribe(reader, Browser(push_service).subscription()) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [201, 201, 201, 429]
    assert Subscription.objects.count() == 3
