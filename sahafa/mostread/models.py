from django.db import models


class HourlyViews(models.Model):
    """The views one article had in one hour (UTC, the hour's start), folded in from the
    cache's counters by `tasks.fold_views`. The most-read lists sum these rows over a
    sliding window of hours."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="mostread_one_row_per_hour")
        ]
        indexes = [models.Index(fields=["hour"], name="mostread_hour")]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}: {self.views}"
