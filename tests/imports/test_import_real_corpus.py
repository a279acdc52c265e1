"""One real day of SaudiNewsNet (the smallest file) goes in with plausible numbers."""

import json
import zipfile
from pathlib import Path

import pytest

from sahafa.articles.models import Article, Tag
from sahafa.imports.importer import import_paths

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "saudinewsnet"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}"),
]


def test_the_smallest_real_day_imports_whole():
    path = min(CORPUS.glob("*.zip"), key=lambda p: p.stat().st_size)
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))

    summary = import_paths([path])

    assert summary.file_errors == []
    assert summary.created + len(summary.skipped) == len(records)
    assert len(summary.skipped) < len(records) * 0.05
    assert set(summary.skipped_reasons) <= {"missing title", "missing content"}
    public = Article.objects.published()
    assert public.count() == summary.created
    assert public.filter(tags=None).count() == 0
    assert Tag.objects.count() >= 10
    assert public.filter(section__slug="sports").exists()
    assert public.filter(section__slug="economy").exists()
    assert not public.exclude(body__startswith="<p>").exists()
