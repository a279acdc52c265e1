"""What the index knows about an article: its fields, analyzed into terms."""

from sahafa.arabic import analyze, sharing


def source_fields(article):
    """The article's text as the index reads it; tags, bylines and section are read through
    the article (prefetch them for batches)."""
    names = [
        *(tag.name for tag in article.tags.all()),
        *(byline.author.name for byline in article.byline_set.all()),
        article.section.name,
    ]
    return article.pk, article.headline, article.kicker, article.standfirst, article.body, names


def analyzed_fields(source):
    """``source_fields()`` as term strings; pure Python, so it can run in a worker process."""
    pk, headline, kicker, standfirst, body, names = source
    return {
        "article_id": pk,
        "headline": _terms(headline),
        "summary": _terms(f"{kicker}\n{standfirst}"),
        "meta": _terms("\n".join(names)),
        "body": " ".join(sharing.body_terms(body)),
    }


def _terms(text):
    return " ".join(analyze(text))
