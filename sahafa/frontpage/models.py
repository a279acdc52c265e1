"""The editors' arrangement of the home page: which stories lead, are featured, or head
their section's block, in which order, and until when."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article


class PlacementQuerySet(models.QuerySet):
    def live(self, now):
        """Placements not past their expiry (whether their article is public is the home
        page's question: it reads the articles through `published()`)."""
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))

    def next_expiry(self, now):
        """When the next live placement expires, or None: announced by no one, so the home
        page is kept (rendered lists, stored pages) no longer."""
        return (
            self.filter(expires_at__gt=now)
            .order_by("expires_at")
            .values_list("expires_at", flat=True)
            .first()
        )


class Placement(models.Model):
    class Slot(models.TextChoices):
        LEAD = "lead", _("lead story")
        FEATURED = "featured", _("featured")
        SECTION = "section", _("top of its section")

    slot = models.CharField(_("slot"), max_length=10, choices=Slot.choices)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=1, help_text=_("Smaller numbers come first within the slot.")
    )
    expires_at = models.DateTimeField(
        _("expires at"),
        null=True,
        blank=True,
        help_text=_(
            "After this time the story leaves its slot, which the newest stories fill "
            "again. Leave empty to keep it until removed."
        ),
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("placed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    placed_at = models.DateTimeField(_("placed at"), auto_now=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-placed_at", "-pk"]
        verbose_name = _("front-page placement")
        verbose_name_plural = _("front-page placements")
        constraints = [
            models.UniqueConstraint(fields=["slot", "article"], name="one_placement_per_slot")
        ]

    def __str__(self):
        return f"{self.get_slot_display()}: {self.article.headline}"
