import functools
import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sahafa.arabic import normalize, squeeze_repeats
from sahafa.articles.models import Article, Section

from . import signals
from .conf import comments_setting


def text_fingerprint(text):
    """The same words, however stretched, marked or spaced, give the same fingerprint."""
    return hashlib.sha256(squeeze_repeats(normalize(text)).encode()).hexdigest()


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def on(self, article):
        return self.filter(article=article)

    def oldest_first(self):
        return self.order_by("created_at", "id")

    def by_sender(self, email="", ip=None):
        senders = Q(email=email.lower()) if email else Q(pk__in=[])
        if ip:
            senders |= Q(ip_address=ip)
        return self.filter(senders)


@functools.cache
def approved_comment_count():
    """An annotation for listing cards: one subquery per listed row, no extra query. Built
    once (building it cost 0.6 ms per listing query): a query that uses an expression
    resolves a copy of it."""
    counted = (
        Comment.objects.approved()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        SPAM = "spam", _("spam")
        TRASH = "trash", _("trash")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=1)
    name = models.CharField(_("name"), max_length=80)
    # Private: shown to moderators only, never on a public page, feed, API or log line.
    email = models.EmailField(_("email"), max_length=254)
    url = models.URLField(_("website"), max_length=200, blank=True)
    body = models.TextField(_("comment"))
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set once the moderators were emailed about this held comment.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
            models.Index(fields=["email"], name="comment_email_idx"),
        ]
        permissions = [("moderate_comment", _("Can approve, unapprove, spam and trash comments"))]

    def __str__(self):
        return f"{self.name}: {self.body[:40]}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        self.fingerprint = text_fingerprint(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"


class CommentLogEntry(models.Model):
    """One verdict in a comment's history: the pipeline's or a moderator's, with its reason."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="log_entries")
    status = models.CharField(_("status"), max_length=10, choices=Comment.Status.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")

    def __str__(self):
        return f"{self.comment_id} {self.status} {self.reason}"


class BlockedSender(models.Model):
    """An email address or IP address whose comments go straight to spam."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("email")
        IP = "ip", _("IP address")

    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=254)
    created_at = models.DateTimeField(_("blocked at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("blocked sender")
        verbose_name_plural = _("blocked senders")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="one_block_each")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs):
        self.value = self.value.strip().lower()
        super().save(*args, **kwargs)


class BlockedPhrase(models.Model):
    """A word or phrase that marks a comment as spam, matched on normalized text."""

    phrase = models.CharField(_("word or phrase"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("blocked phrase")
        verbose_name_plural = _("blocked phrases")

    def __str__(self):
        return self.phrase


class ClosingRule(models.Model):
    """How long a section's or one article's comments stay open after publication."""

    section = models.OneToOneField(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comment_closing_rule",
    )
    article = models.OneToOneField(
        Article,
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comment_closing_rule",
    )
    close_after_days = models.PositiveIntegerField(
        _("close after (days)"),
        null=True,
        blank=True,
        help_text=_("0 closes comments now; empty keeps them open for good."),
    )

    class Meta:
        verbose_name = _("comment closing rule")
        verbose_name_plural = _("comment closing rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(section__isnull=True, article__isnull=False)
                | Q(section__isnull=False, article__isnull=True),
                name="closing_rule_for_section_or_article",
            )
        ]

    def __str__(self):
        return str(self.article or self.section)


# Not looked up yet (None means the form never closes).
UNKNOWN = object()


def _pages_ruled_by(rule):
    """A section's rule reaches every article page of the section: all pages are forgotten
    (rules change rarely); an article's rule, that article's page."""
    return {f"article-{rule.article_id}"} if rule.article_id else {"site"}


def remember_closing_rule_pages(sender, instance, raw=False, **kwargs):
    """A rule moved to another article or section leaves the pages it ruled: they too are
    announced once it is saved."""
    stored = None if raw or instance.pk is None else sender.objects.filter(pk=instance.pk).first()
    instance._pages_before = _pages_ruled_by(stored) if stored else set()


def on_closing_rule_changed(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw:
        return
    keys = sorted(_pages_ruled_by(instance) | instance.__dict__.pop("_pages_before", set()))
    transaction.on_commit(
        lambda: signals.closing_rules_changed.send(sender=sender, keys=keys),
        using=using,
        robust=True,
    )


def comments_close_at(article):
    """When the form closes for `article`, or None if it never does. An article's own rule
    wins over its section's, which wins over the site default."""
    rule = ClosingRule.objects.filter(
        Q(article=article) | Q(section_id=article.section_id)
    ).order_by(F("section_id").asc(nulls_first=True))  # the article's own rule first
    found = rule.first()
    days = found.close_after_days if found else comments_setting("SAHAFA_COMMENTS_CLOSE_AFTER_DAYS")
    if days is None or article.published_at is None:
        return None
    return article.published_at + timedelta(days=days)


def comments_open(article, now=None, closes=UNKNOWN):
    """Whether readers may comment on `article` now; `closes`: `comments_close_at(article)`
    when the caller has it already (reader pages keep it per content version)."""
    if closes is UNKNOWN:
        closes = comments_close_at(article)
    return article.is_public and (closes is None or (now or timezone.now()) < closes)
