"""What the index knows about an article: its fields, analyzed into terms."""

from sahafa.arabic import analyze, plain_text

from .models import SearchEntry


def entry_for(article):
    """An unsaved SearchEntry for ``article``; tags, bylines and section are read through the
    article (prefetch them for batches)."""
    names = [
        *(tag.name for tag in article.tags.all()),
        *(byline.author.name for byline in article.byline_set.all()),
        article.section.name,
    ]
    return SearchEntry(
        article=article,
        headline=_terms(article.headline),
        summary=_terms(f"{article.kicker}\n{article.standfirst}"),
        meta=_terms("\n".join(names)),
        body=_terms(plain_text(article.body)),
    )


def _terms(text):
    return " ".join(analyze(text))
