from django.db import models
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article
from sahafa.comments.models import Comment


class OldUrl(models.Model):
    """An address of the old site and where it lives now: an article (its canonical URL is
    computed when asked, so a later change of headline or section still takes one hop) or
    a fixed path (a category's section page, a tag page, a feed).

    Django's `django.contrib.redirects` keeps a fixed `new_path` and an `old_path` of 200
    characters, shorter than WordPress's percent-encoded Arabic permalinks (231 in the
    real export), so old addresses have this table of their own."""

    # Percent-decoded, as `request.path` reads it, with `?p=ID` for WordPress's short links.
    path = models.CharField(_("old address"), max_length=1000, unique=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target = models.CharField(_("new address"), max_length=500, blank=True)
    site = models.CharField(_("old site"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(article__isnull=False) | ~models.Q(target=""),
                name="old_url_has_a_destination",
            )
        ]

    def __str__(self):
        return self.path


class ImportedComment(models.Model):
    """Which WordPress comment a comment came from: the key that keeps a re-run from
    adding it twice, and the thread's parent for replies imported in a later batch."""

    site = models.CharField(max_length=200)
    wp_id = models.PositiveBigIntegerField()
    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "wp_id"], name="one_comment_per_wp_id")
        ]

    def __str__(self):
        return f"{self.site} comment {self.wp_id}"


class ImportedImage(models.Model):
    """An image of the old site brought into the media library by `--download-media`:
    the key that keeps a re-run from downloading it twice."""

    url = models.CharField(max_length=1000, unique=True)
    image = models.ForeignKey("media.Image", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.url
