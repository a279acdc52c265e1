from django.db import models
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article


class SearchEntry(models.Model):
    """The analyzed text of one public (or scheduled) article, as space-separated terms.

    The database derives its full-text index from these columns: on SQLite an external-content
    FTS5 table `search_fts` kept in step by triggers, on PostgreSQL a generated, GIN-indexed
    `document` tsvector column (both created in migration 0001). Draft and archived articles
    have no entry.
    """

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    headline = models.TextField(_("headline terms"))
    summary = models.TextField(_("kicker and standfirst terms"), blank=True)
    meta = models.TextField(_("tag, author and section terms"), blank=True)
    body = models.TextField(_("body terms"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return str(self.article_id)

    def terms(self):
        return set(f"{self.headline} {self.summary} {self.meta} {self.body}".split())


class SearchTerm(models.Model):
    """The index vocabulary: each term and the number of entries that contain it.
    «هل تقصد» suggestions come from here."""

    term = models.CharField(_("term"), max_length=100, unique=True)
    documents = models.IntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.term
