"""The verbs of a newsletter subscription: sign up, confirm, unsubscribe. Views and
commands call these; none sets `status` itself.

Signing up never says whether an address was known, and sends at most one confirmation
email per address per RESEND_AFTER, however often the form is sent: nobody can use the
form to flood someone's inbox or to learn who subscribes."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Subscriber

Status = Subscriber.Status
RESEND_AFTER = timedelta(days=1)


def normalize_email(email):
    return email.strip().lower()


def sign_up(email):
    """Record the sign-up of `email`; the confirmation email goes out by a task after the
    commit, unless the address is subscribed or was sent one within RESEND_AFTER."""
    from . import tasks

    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=normalize_email(email))
        if subscriber.status == Status.CONFIRMED:
            return subscriber
        if subscriber.status == Status.UNSUBSCRIBED:
            Subscriber.objects.filter(pk=subscriber.pk).update(status=Status.PENDING)
        due = Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lt=now - RESEND_AFTER)
        if Subscriber.objects.filter(due, pk=subscriber.pk).update(confirmation_sent_at=now):
            transaction.on_commit(lambda: tasks.email_confirmation.enqueue(subscriber.pk))
    return subscriber


def confirm(subscriber):
    """The owner followed the link: digests start. True if that changed anything."""
    return bool(
        Subscriber.objects.filter(pk=subscriber.pk, status=Status.PENDING).update(
            status=Status.CONFIRMED, confirmed_at=timezone.now()
        )
    )


def unsubscribe(subscriber):
    """No more digests. True if that changed anything."""
    return bool(
        Subscriber.objects.filter(pk=subscriber.pk)
        .exclude(status=Status.UNSUBSCRIBED)
        .update(status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    )
