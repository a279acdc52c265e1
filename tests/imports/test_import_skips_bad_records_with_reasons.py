"""A record the importer cannot use is skipped, with where it is and why; the rest go in."""

import pytest

from sahafa.articles.models import Article
from sahafa.imports.importer import import_paths

pytestmark = pytest.mark.django_db


def test_unusable_records_are_skipped_with_their_reasons(news_record, json_file):
    good = news_record()
    path = json_file(
        [
            news_record(title=""),
            news_record(content=" \n "),
            good,
            news_record(url=None),
            news_record(date_extracted="11/08/2015"),
            news_record(url="javascript:alert(1)"),
            {**good, "title": "نسخة ثانية بالرابط نفسه"},
        ]
    )

    summary = import_paths([path])

    assert summary.created == 1
    assert Article.objects.get().source_url == good["url"]
    assert summary.skipped == [
        (f"{path} #0", "missing title"),
        (f"{path} #1", "missing content"),
        (f"{path} #3", "missing url"),
        (f"{path} #4", "invalid date_extracted (expected YYYY-MM-DD hh:mm:ss)"),
        (f"{path} #5", "invalid URL"),
        (f"{path} #6", "the same URL came earlier in this import"),
    ]
    assert summary.skipped_reasons["missing title"] == 1
    assert summary.file_errors == []
