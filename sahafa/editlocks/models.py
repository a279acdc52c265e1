"""Who is editing an article in the newsroom now: one lock per article, renewed while the
form is open and worthless once it has not been renewed for `locks.LOCK_SECONDS`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article


class EditLock(models.Model):
    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("editing"), on_delete=models.CASCADE
    )
    since = models.DateTimeField(_("since"))
    renewed_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("edit lock")
        verbose_name_plural = _("edit locks")

    def __str__(self):
        return f"{self.article_id}: {self.holder}"
