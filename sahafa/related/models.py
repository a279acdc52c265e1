"""What the related-articles engine stores: each article's fingerprint, an inverted index of
its most distinctive terms, collection statistics for TF-IDF, the ranked lists, and pins."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article


class TermStatistic(models.Model):
    """In how many fingerprinted articles a term occurs: the "DF" of TF-IDF."""

    term = models.CharField(max_length=100, primary_key=True)
    document_count = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.term} ({self.document_count})"


class Fingerprint(models.Model):
    """An article's analyzed text, reduced to what comparing it needs."""

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    # {term: weight}: the most distinctive terms by TF-IDF, L2-normalized.
    vector = models.JSONField()
    # MinHash signature of the body's word shingles, little-endian uint32s.
    minhash = models.BinaryField()
    # The body's shingles, as sorted unique CRC-32s (little-endian uint32s).
    shingle_hashes = models.BinaryField()
    # The normalized headline: two articles with the same one are the same story.
    headline_key = models.CharField(max_length=300, db_index=True)

    def __str__(self):
        return self.headline_key


class Posting(models.Model):
    """The inverted index: finds the articles sharing a distinctive term in one query."""

    term = models.CharField(max_length=100)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["term"], name="related_posting_term_idx")]

    def __str__(self):
        return f"{self.term} → {self.article_id}"


class RelatedArticle(models.Model):
    """One computed entry of an article's ranked related list (rank 1 is «شاهد أيضاً»)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_entries")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_to")
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_once_per_list")
        ]

    def __str__(self):
        return f"{self.article_id} #{self.rank} → {self.related_id}"


class RelatedPin(models.Model):
    """An editor's choice for an article's «شاهد أيضاً»: wins over the computed list and
    is never touched by recomputation."""

    article = models.OneToOneField(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="related_pin",
    )
    pinned = models.ForeignKey(
        Article,
        verbose_name=_("pinned «See also» article"),
        on_delete=models.CASCADE,
        related_name="pinned_by",
    )

    class Meta:
        verbose_name = _("pinned «See also»")
        verbose_name_plural = _("pinned «See also»")

    def __str__(self):
        return f"{self.article} → {self.pinned}"

    def clean(self):
        if self.article_id and self.article_id == self.pinned_id:
            raise ValidationError({"pinned": _("An article cannot point to itself.")})
