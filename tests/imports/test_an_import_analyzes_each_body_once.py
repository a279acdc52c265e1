"""After an import, the search index and the «شاهد أيضاً» fingerprints both read every
body's terms; the body is analyzed once and its terms handed from one bulk phase to the
next (`sahafa.arabic.sharing`), and what both build is what they build alone."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sahafa.arabic import sharing
from sahafa.imports.importer import import_records
from sahafa.related.models import Fingerprint, Posting
from sahafa.search.models import SearchEntry

pytestmark = pytest.mark.django_db

BODIES = [
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة أبها يضم مئتي سرير.\n"
    "وقال الوزير إن المستشفى يخدم سكان منطقة عسير والمحافظات المجاورة.",
    "تأهل فريق الهلال إلى نهائي كأس الملك بعد فوزه على الاتحاد بهدفين نظيفين.\n"
    "وسجل الهدفين مهاجم الفريق في الشوط الثاني أمام جمهور غفير.",
    "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج.\n"
    "وتوقع محللون أن تستمر الأسعار في الصعود خلال الربع المقبل.",
]


@pytest.fixture
def analyzed_bodies(monkeypatch):
    """How many times each body was analyzed (the real analysis runs)."""
    counts = Counter()
    analyze_body = sharing.body_terms

    def counting(html):
        counts[html] += 1
        return analyze_body(html)

    monkeypatch.setattr(sharing, "body_terms", counting)
    return counts


def fingerprints():
    return sorted(
        Fingerprint.objects.values_list("article_id", "vector", "shingle_hashes", "headline_key")
    )


def test_each_body_is_analyzed_once_for_search_and_see_also(news_record, analyzed_bodies):
    import_records([news_record(content=body) for body in BODIES])

    assert SearchEntry.objects.count() == Fingerprint.objects.count() == len(BODIES)
    assert len(analyzed_bodies) == len(BODIES)
    assert set(analyzed_bodies.values()) == {1}


def test_fingerprints_from_shared_terms_are_those_a_rebuild_makes(news_record):
    import_records([news_record(content=body) for body in BODIES])
    imported = fingerprints()

    call_command("related", "--rebuild", stdout=StringIO(), stderr=StringIO())

    assert len(imported) == len(BODIES)
    assert fingerprints() == imported


def test_the_postings_index_is_there_after_a_bulk_load(news_record):
    import_records([news_record(content=body) for body in BODIES])

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Posting._meta.db_table)
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    assert ("term",) in indexed
    assert ("article_id",) in indexed
    assert Posting.objects.values("article").distinct().count() == len(BODIES)
