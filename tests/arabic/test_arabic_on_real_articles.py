"""The text toolkit on real newspaper articles from the shared SaudiNewsNet corpus."""

import json
import zipfile
from pathlib import Path

import pytest

from sahafa.arabic import analyze, analyze_with_spans, excerpt, normalize, slugify_ar

CORPUS_DAY = (
    Path(__file__).resolve().parents[2].parent / "shared/corpus/saudinewsnet/2015-07-23.zip"
)
ARTICLE_COUNT = 150

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS_DAY.exists(), reason=f"corpus not found at {CORPUS_DAY}"),
]


@pytest.fixture(scope="module")
def articles():
    with zipfile.ZipFile(CORPUS_DAY) as archive:
        day = json.loads(archive.read(archive.namelist()[0]))
    return [a for a in day if a.get("content")][:ARTICLE_COUNT]


def test_real_articles_normalize_idempotently(articles):
    for article in articles:
        once = normalize(article["content"])
        assert normalize(once) == once


def test_real_articles_give_highlight_spans_for_exactly_their_terms(articles):
    for article in articles:
        text = article["content"]
        spans = analyze_with_spans(text)
        assert [term for _, _, term in spans] == analyze(text)
        assert all(analyze(text[start:end]) == [term] for start, end, term in spans)


def test_real_titles_give_stable_slugs_and_bounded_excerpts(articles):
    for article in articles:
        slug = slugify_ar(article["title"])
        assert slug and slugify_ar(slug) == slug
        assert len(excerpt(article["content"], 160)) <= 161
