"""The wire desk's records: the agencies' feeds, what they sent, the stories their items
tell, and the drafts made from them. The articles app knows nothing of these: the link
from an item to its draft lives here."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article, Section


class Feed(models.Model):
    """One agency feed the desk polls (واس، أ ف ب، رويترز…)."""

    class Format(models.TextChoices):
        RSS = "rss", _("RSS or Atom")
        NINJS = "ninjs", _("NINJS (JSON)")

    name = models.CharField(_("agency"), max_length=80, unique=True)
    url = models.URLField(
        _("feed URL"), max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )
    format = models.CharField(_("format"), max_length=10, choices=Format, default=Format.RSS)
    poll_minutes = models.PositiveSmallIntegerField(
        _("poll every (minutes)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(1440)],
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section for drafts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Drafts made from this agency's items start in this section."),
    )
    active = models.BooleanField(_("active"), default=True)
    # What the last poll learnt, written by polling only.
    next_poll_at = models.DateTimeField(_("next poll"), default=timezone.now, editable=False)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last successful poll"), null=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    last_error_at = models.DateTimeField(_("time of the last error"), null=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency feed")
        verbose_name_plural = _("agency feeds")

    def __str__(self):
        return self.name


class Story(models.Model):
    """The items that tell one story: copies from several agencies, re-sends, updates."""

    latest_at = models.DateTimeField(_("latest item"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self):
        return f"#{self.pk}"


class WireItem(models.Model):
    """One item as an agency sent it (its latest version): in the queue, never public."""

    feed = models.ForeignKey(
        Feed, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="items"
    )
    guid = models.CharField(_("agency identifier"), max_length=500)
    headline = models.CharField(_("headline"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)  # sanitized HTML
    link = models.URLField(_("link at the agency"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent"), db_index=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    revised_at = models.DateTimeField(_("re-sent with changes"), null=True, blank=True)
    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.PROTECT, related_name="items"
    )
    # An item the same agency sent before under another identifier, of which this one is a
    # newer version (a re-send with a new paragraph).
    update_of = models.ForeignKey(
        "self",
        verbose_name=_("update of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
    )
    content_hash = models.CharField(max_length=64, editable=False)
    # Normalized headline and text: the keyword filter compares these.
    search_text = models.TextField(editable=False)
    # The related engine's fingerprint of the text (sahafa/related/fingerprints.py).
    headline_key = models.CharField(max_length=300, editable=False)
    signature = models.BinaryField(editable=False)
    shingle_hashes = models.BinaryField(editable=False)

    class Meta:
        ordering = ["-story__latest_at", "story_id", "sent_at", "id"]
        verbose_name = _("wire item")
        verbose_name_plural = _("wire queue")
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="one_item_per_agency_guid")
        ]
        indexes = [models.Index(fields=["received_at"], name="wire_received_idx")]

    def __str__(self):
        return self.headline


class ArticleSource(models.Model):
    """A draft made from a wire item: the article stays linked to the item, and learns of
    the agency's updates to it («تحديث من الوكالة»)."""

    article = models.OneToOneField(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="wire_source"
    )
    item = models.ForeignKey(
        WireItem, verbose_name=_("wire item"), on_delete=models.CASCADE, related_name="drafts"
    )
    made_at = models.DateTimeField(_("made"), default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    update = models.ForeignKey(
        WireItem,
        verbose_name=_("update from the agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The agency sent a newer version; clear this once the article has it."),
    )

    class Meta:
        verbose_name = _("wire source")
        verbose_name_plural = _("wire source")
        constraints = [models.UniqueConstraint(fields=["item"], name="one_draft_per_wire_item")]

    def __str__(self):
        return str(self.item)
