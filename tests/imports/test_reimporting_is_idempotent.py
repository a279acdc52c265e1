"""Running the same import again changes nothing; a corrected record updates its article,
and the newsroom's own decisions about imported articles survive."""

import pytest

from sahafa.articles import workflow
from sahafa.articles.models import Article, ArticleLogEntry, Author, Byline
from sahafa.imports.importer import import_paths, import_records
from sahafa.search.engine import search
from tests.factories import make_tag

pytestmark = pytest.mark.django_db


def test_importing_the_same_file_twice_adds_nothing(news_record, zip_file):
    path = zip_file([news_record() for _ in range(5)])
    first = import_paths([path], batch_size=2)

    again = import_paths([path], batch_size=2)

    assert (first.created, first.updated, first.unchanged) == (5, 0, 0)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert Article.objects.count() == 5
    assert Byline.objects.count() == 5
    assert Author.objects.count() == 1
    assert ArticleLogEntry.objects.count() == 5


def test_a_corrected_record_updates_its_article(news_record, announced):
    original = news_record()
    untouched = news_record()
    import_records([original, untouched])
    article = Article.objects.get(source_url=original["url"])
    announced.clear()

    corrected = {
        **original,
        "title": "أمير عسير يدشن مشروعات تنموية بقيمة ملياري ريال",
        "author": "أبها - مريم الجابر",
        "content": original["content"] + "\nوتشمل المشروعات طرقاً ومدارس ومستشفيات.",
    }
    summary = import_records([corrected, untouched])

    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 1)
    article.refresh_from_db()
    assert article.headline == "أمير عسير يدشن مشروعات تنموية بقيمة ملياري ريال"
    assert article.slug.startswith("أمير-عسير-يدشن")
    assert article.body.endswith("<p>وتشمل المشروعات طرقاً ومدارس ومستشفيات.</p>")
    assert [a.name for a in article.byline_authors] == ["أبها - مريم الجابر"]
    assert announced == [("imported", article.pk)]
    assert search(article.headline).articles == [article]
    # An update is not a new publication: the history keeps its one line.
    assert article.log_entries.count() == 1


def test_reimport_keeps_the_newsroom_decisions(news_record):
    record = news_record()
    import_records([record])
    article = Article.objects.get()
    workflow.unpublish(article, by=None, note="خطأ في الأرقام")
    article.tags.add(make_tag("عسير"))

    summary = import_records([{**record, "title": "عنوان مصحح للخبر نفسه"}])

    assert summary.updated == 1
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()
    assert {t.name for t in article.tags.all()} == {"صحيفة عكاظ", "عسير"}
