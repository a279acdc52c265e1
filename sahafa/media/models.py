"""The newsroom's media library: images with their words (alt text, caption, credit), a
focal point, and the renditions made from them; and the placement of a library image as an
article's lead image (here, not in `articles`: the core knows nothing of the library)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sahafa.arabic import normalize
from sahafa.articles.models import Article

FOCUS = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class ImageQuerySet(models.QuerySet):
    def matching(self, query):
        """Images whose alt text, caption or credit contains every word of `query`,
        compared through the one Arabic normalizer (أ/ا، ة/ه، ى/ي، tashkeel, tatweel)."""
        images = self
        for word in normalize(query).split():
            images = images.filter(search_text__contains=word)
        return images


class Image(models.Model):
    file = models.ImageField(
        _("image file"),
        upload_to="library/%Y/%m/",
        width_field="width",
        height_field="height",
        max_length=200,
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=150)
    focal_x = models.FloatField(
        _("focal point (across)"),
        default=0.5,
        validators=FOCUS,
        help_text=_("0 is the left edge, 1 the right edge: crops keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point (down)"),
        default=0.5,
        validators=FOCUS,
        help_text=_("0 is the top edge, 1 the bottom edge."),
    )
    search_text = models.TextField(editable=False, default="")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.caption or self.alt

    def save(self, *args, **kwargs):
        self.search_text = normalize(" ".join([self.alt, self.caption, self.credit]))
        super().save(*args, **kwargs)


class Rendition(models.Model):
    """One size of one crop of an image in one format, made once by the background task."""

    class Crop(models.TextChoices):
        WIDE = "wide", _("16:9 around the focal point")
        FULL = "full", _("whole image")

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    crop = models.CharField(max_length=8, choices=Crop.choices)
    format = models.CharField(max_length=8, choices=Format.choices)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.FileField(max_length=250)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["image", "crop", "format", "width"], name="one_rendition_per_size"
            )
        ]
        ordering = ["image", "crop", "format", "width"]

    def __str__(self):
        return self.file.name


class LeadImage(models.Model):
    """A library image chosen as an article's lead image."""

    article = models.OneToOneField(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="library_lead",
    )
    image = models.ForeignKey(
        Image,
        verbose_name=_("image from the library"),
        on_delete=models.PROTECT,
        related_name="leads",
    )

    class Meta:
        verbose_name = _("lead image from the library")
        verbose_name_plural = _("lead images from the library")

    def __str__(self):
        return str(self.image)
