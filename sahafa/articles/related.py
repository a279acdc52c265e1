"""The «شاهد أيضاً» pick until the related-articles engine takes over."""

from .models import Article


def see_also(article):
    """The newest other published article of the same section."""
    return (
        Article.objects.published()
        .filter(section=article.section_id)
        .exclude(pk=article.pk)
        .newest_first()
        .first()
    )
