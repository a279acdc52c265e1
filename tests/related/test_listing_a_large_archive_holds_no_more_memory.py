"""Sami moves a twenty-year archive in one import: the «شاهد أيضاً» lists of every article
are computed against the whole collection, whose arrays wait in scratch files read a block
at a time, so three and a half times the articles need no more memory for their lists."""

import random
import tracemalloc
from datetime import timedelta

import pytest
from django.utils import timezone

from bench.import_wordpress import WORDS
from sahafa.articles.models import Article
from sahafa.related import engine
from sahafa.related.models import RelatedArticle, TermStatistic
from tests.factories import make_section

pytestmark = pytest.mark.django_db


def archive(count, seed):
    """`count` published articles made of the same two dozen words, as the synthetic
    export's are: the collection's vocabulary is the same whatever its size."""
    section = make_section(f"أرشيف {seed}", slug=f"archive-{seed}")
    draw = random.Random(seed)
    now = timezone.now()
    articles = []
    for number in range(count):
        words = draw.sample(WORDS, 12)
        articles.append(
            Article(
                headline=" ".join(words[:6]),
                slug=f"archive-{seed}-{number}",
                body=f"<p>{' '.join(draw.choice(WORDS) for _ in range(80))}</p>",
                section=section,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(hours=number),
            )
        )
    return Article.objects.bulk_create(articles)


def empty_the_site():
    Article.objects.all().delete()
    TermStatistic.objects.all().delete()


def peak_while_listing(articles):
    """Bytes allocated at the bulk phase's peak beyond what was held when it started, the
    articles being the site's first (a new site's import)."""
    tracemalloc.start()
    try:
        held = tracemalloc.get_traced_memory()[0]
        engine.index_articles(articles)
        return tracemalloc.get_traced_memory()[1] - held
    finally:
        tracemalloc.stop()


def test_three_times_the_articles_need_no_more_memory_for_their_lists(monkeypatch):
    # A chunk's cosines hold at most this many cells whatever the collection's size, as
    # 4 million do on a real archive: here they would otherwise grow with these few
    # hundred articles.
    monkeypatch.setattr(engine, "COSINE_CELLS", 20_000)
    engine.index_articles(archive(50, seed=1))  # analyzer caches filled before measuring
    empty_the_site()
    small = peak_while_listing(archive(512, seed=2))
    empty_the_site()
    large = peak_while_listing(archive(1792, seed=3))

    assert RelatedArticle.objects.filter(article__slug="archive-3-1791").count() == 10
    # Full batches of fingerprints (256) in both runs. With the collection's arrays held
    # in memory the larger run needed 0.95 MB more (about 740 bytes an article); now 43 KB.
    assert large - small < 300_000, (small, large)
