"""Layla subscribes from the form at the foot of the front page. An Arabic email asks her
to confirm; the newsletter starts only once she presses the button behind its link. She
signs up twice more by mistake: nothing more is sent. Someone typing her address into the
form later learns nothing and sends her nothing."""

import pytest
from django.core import mail

from sahafa.newsletters.models import Subscriber

from .inbox import confirm_link, html_of, mails_to, sign_up

pytestmark = pytest.mark.django_db

LAYLA = "layla@example.com"


def test_the_form_is_at_the_foot_of_the_front_page(reader):
    page = reader.get("/").content.decode()

    assert "النشرة اليومية" in page
    assert 'action="/newsletter/subscribe/"' in page
    assert 'type="email" name="email"' in page
    assert "csrfmiddlewaretoken" not in page  # the same cached page for every reader


def test_an_editor_browsing_the_site_gets_the_form_with_a_csrf_token(reader, editor):
    reader.get("/")  # the readers' form, kept for the next ones

    page = editor.get("/").content.decode()

    footer = page[page.index('class="newsletter-form"') :]
    assert "csrfmiddlewaretoken" in footer[: footer.index("</form>")]


def test_double_opt_in_with_an_arabic_confirmation(reader):
    answer = sign_up(reader, "  Layla@Example.com ")

    assert answer.status_code == 302
    inbox_page = reader.get(answer["Location"]).content.decode()
    assert "تفقّد بريدك" in inbox_page
    (message,) = mails_to(LAYLA)
    assert message.subject == "أكّد اشتراكك في نشرة صحافة"
    assert "لتأكيد اشتراكك افتح هذا الرابط" in message.body
    assert 'dir="rtl"' in html_of(message)
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status) == (LAYLA, Subscriber.Status.PENDING)

    link = confirm_link(message)
    page = reader.get(link)
    assert page.status_code == 200
    assert "أكّد اشتراكي" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # a mail scanner's GET confirms nothing

    done = reader.post(link)
    assert "اشتراكك مؤكَّد" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert "اشتراكك مؤكَّد" in reader.get(link).content.decode()


def test_repeated_sign_ups_send_one_email(reader):
    for _ in range(3):
        assert sign_up(reader, LAYLA).status_code == 302

    assert len(mails_to(LAYLA)) == 1
    assert Subscriber.objects.count() == 1


def test_a_confirmed_address_signed_up_again_gets_nothing_and_nobody_learns_it(reader, client):
    sign_up(reader, LAYLA)
    reader.post(confirm_link(mails_to(LAYLA)[0]))
    mail.outbox.clear()

    known = sign_up(client, LAYLA, ip="198.51.100.9")
    unknown = sign_up(client, "nobody@example.com", ip="198.51.100.9")

    assert mails_to(LAYLA) == []
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_a_forged_or_stale_confirmation_link_is_a_clear_arabic_404(reader):
    sign_up(reader, LAYLA)
    link = confirm_link(mails_to(LAYLA)[0])

    forged = reader.post(link[:-3] + "xyz/")

    assert forged.status_code == 404
    assert "هذا الرابط لا يعمل" in forged.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
