"""Layla no longer wants the digest. Her mail app's «unsubscribe» button POSTs to the
List-Unsubscribe address (RFC 8058) and she is off the list at once; the link at the foot
of the email opens a page with a button, so a mail scanner that fetches every link
unsubscribes nobody. The next digest does not reach her."""

import pytest
from django.core import mail
from django.core.management import call_command

from sahafa.newsletters.models import Subscriber
from tests.factories import make_article

from .inbox import confirmed, mails_to, unsubscribe_link

pytestmark = pytest.mark.django_db

LAYLA = "layla@example.com"


@pytest.fixture
def layla_has_a_digest(reader):
    make_article()
    confirmed(reader, LAYLA)
    call_command("send_digest")
    (digest,) = [m for m in mails_to(LAYLA) if "List-Unsubscribe" in m.extra_headers]
    return digest


def test_the_mail_apps_one_click_post_unsubscribes(client, layla_has_a_digest):
    link = unsubscribe_link(layla_has_a_digest)

    answer = client.post(link, {"List-Unsubscribe": "One-Click"})

    assert answer.status_code == 200
    assert Subscriber.objects.get(email=LAYLA).status == Subscriber.Status.UNSUBSCRIBED


def test_the_link_in_the_email_asks_first(reader, layla_has_a_digest, settings):
    link = unsubscribe_link(layla_has_a_digest)

    page = reader.get(link)
    assert "إلغاء الاشتراك في النشرة" in page.content.decode()
    assert Subscriber.objects.get(email=LAYLA).status == Subscriber.Status.CONFIRMED

    done = reader.post(link)
    assert "أُلغي اشتراكك" in done.content.decode()
    assert Subscriber.objects.get(email=LAYLA).status == Subscriber.Status.UNSUBSCRIBED


def test_no_digest_after_unsubscribing(client, layla_has_a_digest, settings):
    client.post(unsubscribe_link(layla_has_a_digest))
    Subscriber.objects.update(last_digest_on=None)  # as if a new day had come
    mail.outbox.clear()

    call_command("send_digest")

    assert mail.outbox == []


def test_a_forged_unsubscribe_link_changes_nothing(client, layla_has_a_digest):
    link = unsubscribe_link(layla_has_a_digest)

    answer = client.post(link.replace("/unsubscribe/", "/unsubscribe/x"))

    assert answer.status_code == 404
    assert Subscriber.objects.get(email=LAYLA).status == Subscriber.Status.CONFIRMED
