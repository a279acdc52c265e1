"""Live coverage («تغطية مباشرة»): an article that is also a live blog, and its entries.

A `LiveBlog` shares its article's id. Its `version` grows by one each time something
readers see of it changes (an entry published, edited, pinned, taken down or deleted; the
blog opened or closed), and each entry keeps the version at which it last changed: the
readers' pages poll `/live/<article id>/entries?after=<version>` for what changed since.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article
from sahafa.articles.sanitize import sanitize_body


class LiveBlog(models.Model):
    article = models.OneToOneField(
        Article,
        verbose_name=_("article"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="live_blog",
    )
    is_open = models.BooleanField(_("coverage is live"), default=True, editable=False)
    opened_at = models.DateTimeField(_("coverage started"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("coverage ended"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("live blog")
        verbose_name_plural = _("live blogs")
        permissions = [("run_liveblog", _("Can open and close live blogs"))]

    def __str__(self):
        return str(self.article)


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Entry.Status.PUBLISHED)

    def for_readers(self):
        """Published entries as readers see them: the pinned one first, then newest first."""
        return self.published().order_by("-is_pinned", "-published_at", "-id")


class Entry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    live_blog = models.ForeignKey(
        LiveBlog, verbose_name=_("live blog"), on_delete=models.CASCADE, related_name="entries"
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Optional: a few words in bold.")
    )
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    is_pinned = models.BooleanField(_("breaking (pinned)"), default=False, editable=False)
    published_at = models.DateTimeField(_("time"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modified"), auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-published_at", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["live_blog", "status", "-published_at"], name="live_entry_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["live_blog"], condition=Q(is_pinned=True), name="one_pinned_live_entry"
            )
        ]
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        permissions = [("publish_entry", _("Can publish, pin and take down live entries"))]

    def __str__(self):
        return self.title or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.body = sanitize_body(self.body)
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return f"live-entry-{self.pk}"
