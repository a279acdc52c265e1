from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    """An address that signed up for the daily digest. It receives digests only once its
    owner confirmed through the link mailed to it (double opt-in), and none after the
    one-click unsubscribe. The address is never shown on a public page."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("email"), unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # The day of the last digest sent to it: a digest goes to each address once.
    last_digest_on = models.DateField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        indexes = [models.Index(fields=["status", "last_digest_on"], name="newsletter_due")]

    def __str__(self):
        return f"#{self.pk}"


class Digest(models.Model):
    """The daily digest of one day: how many addresses it went to, and whether that day's
    scheduled run has queued the next day's (`schedule.py`)."""

    date = models.DateField(_("date"), unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    next_queued = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("daily digest")
        verbose_name_plural = _("daily digests")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"
