"""On real agency copy from the shared corpus: no list shows a copy of its article, or two
copies of one story, judged on exact shingles rather than the engine's estimates."""

import json
import zipfile
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from sahafa.arabic import normalize, shingles
from sahafa.articles.models import Article
from sahafa.imports.importer import import_records

from .conftest import shown_for

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "saudinewsnet"
DAY = "2015-07-21.zip"
ARTICLES = 300

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / DAY).is_file(), reason=f"corpus not found at {CORPUS}"),
]


def days_records(count):
    """`count` of the day's records: every one whose headline another newspaper also ran
    (up to half), then an even spread of the rest."""
    with zipfile.ZipFile(CORPUS / DAY) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    by_headline = Counter(normalize(record["title"]) for record in records)
    copies = [record for record in records if by_headline[normalize(record["title"])] > 1]
    copies = copies[: count // 2]
    others = [record for record in records if record not in copies]
    return copies + others[:: max(1, len(others) // (count - len(copies)))][: count - len(copies)]


class Texts:
    """Normalized headlines and body shingles, computed once per article."""

    def __init__(self, articles):
        self.headlines = {article: normalize(article.headline) for article in articles}
        self.shingles = {article: shingles(article.body_text) for article in articles}

    def are_copies(self, first, second):
        if self.headlines[first] == self.headlines[second]:
            return True
        a, b = self.shingles[first], self.shingles[second]
        return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.5


def test_a_days_news_has_lists_without_wire_copies(db):
    import_records(days_records(ARTICLES))
    articles = list(Article.objects.published())
    texts = Texts(articles)
    assert len(set(texts.headlines.values())) < len(articles), (
        "the sample should hold wire copies for this test to mean something"
    )

    lists = {article: shown_for(article) for article in articles}

    # Not vacuous: most of the sample has a list to check.
    assert sum(bool(shown) for shown in lists.values()) > 0.5 * len(articles)
    for article, shown in lists.items():
        assert not [other for other in shown if texts.are_copies(article, other)], article
        assert not [pair for pair in combinations(shown, 2) if texts.are_copies(*pair)], article
