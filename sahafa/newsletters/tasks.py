"""The newsletter's background work: the confirmation email, the digest on demand
(`sahafa send-digest`) and the scheduled digest (`schedule.py`)."""

from datetime import date, datetime

from sahafa.background.retries import retried_task

from . import digest, emails, schedule
from .models import Subscriber


@retried_task
def email_confirmation(subscriber_id):
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber is not None:
        emails.confirmation(subscriber).send()


@retried_task
def send_digest(day=None):
    """The digest of `day` (ISO date; today when None), now."""
    digest.send(date.fromisoformat(day) if day else None)


@retried_task
def scheduled_digest(moment):
    """The digest due at `moment` (ISO date and time), queued by the schedule."""
    schedule.run(datetime.fromisoformat(moment))
