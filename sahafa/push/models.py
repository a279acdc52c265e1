from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """A reader's browser that asked for «عاجل» alerts: where its push service takes them
    (`endpoint`) and the keys that encrypt them for it alone (RFC 8291). Nothing else about
    the reader is kept."""

    endpoint = models.URLField(_("endpoint"), max_length=1000, unique=True)
    p256dh = models.CharField(max_length=100)
    auth = models.CharField(max_length=50)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")

    def __str__(self):
        return f"#{self.pk}"

    def info(self):
        """As pywebpush takes it."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class Alert(models.Model):
    """One «عاجل» alert about one article, sent by an editor (`alerts.send_alert`): at most
    one per article, so a second click sends nothing. The counts grow as the delivery
    tasks run."""

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="push_alert",
    )
    title = models.CharField(_("title"), max_length=400)
    body = models.CharField(_("text"), max_length=400, blank=True)
    url = models.URLField(_("link"), max_length=1000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    delivered = models.PositiveIntegerField(_("delivered"), default=0)
    dropped = models.PositiveIntegerField(_("expired subscriptions dropped"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)

    class Meta:
        verbose_name = _("breaking-news alert")
        verbose_name_plural = _("breaking-news alerts")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
