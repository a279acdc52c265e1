"""Running the import again changes nothing; an import interrupted between batches (Ctrl-C)
or inside one (a crash before its commit) leaves whole articles only — each with its
byline, history, comments and old addresses — and the next run finishes it."""

import pytest

from sahafa.articles.models import Article, ArticleLogEntry, Byline
from sahafa.comments.models import Comment
from sahafa.search.models import SearchEntry
from sahafa.wordpress import importer
from sahafa.wordpress.importer import import_export
from sahafa.wordpress.models import ImportedComment, OldUrl

pytestmark = pytest.mark.django_db


def site_state():
    """Everything the import wrote, comparable between runs."""
    return {
        "articles": sorted(
            (a.source_url, a.headline, a.slug, a.status, a.section.slug, a.body, a.standfirst)
            for a in Article.objects.select_related("section")
        ),
        "tags": sorted(
            Article.tags.through.objects.values_list("article__source_url", "tag__name")
        ),
        "bylines": sorted(Byline.objects.values_list("article__source_url", "author__name")),
        "history": sorted(ArticleLogEntry.objects.values_list("article__source_url", "action")),
        "comments": sorted(
            ImportedComment.objects.values_list(
                "wp_id", "comment__status", "comment__parent__body", "comment__article__source_url"
            ),
            key=str,
        ),
        "old": sorted(OldUrl.objects.values_list("path", "article__source_url", "target"), key=str),
    }


def test_a_second_import_changes_nothing(newsroom_export, import_wordpress):
    import_wordpress(newsroom_export)
    first = site_state()

    report = import_wordpress(newsroom_export)

    assert "استُورد: 0، حُدّث: 0، بلا تغيير: 6" in report
    assert "التعليقات — استُورد: 0، موجود من قبل: 6" in report
    assert "العناوين القديمة المحوّلة الجديدة: 0" in report
    assert site_state() == first


def test_a_post_edited_on_the_old_site_is_updated_in_place(
    newsroom_export, import_wordpress, tmp_path
):
    import_wordpress(newsroom_export)
    edited = tmp_path / "edited.xml"
    edited.write_text(
        newsroom_export.read_text(encoding="utf-8").replace(
            "ارتفعت أسعار النفط اليوم.", "ارتفعت أسعار النفط اليوم بنسبة 3%."
        ),
        encoding="utf-8",
    )

    report = import_wordpress(edited)

    assert "استُورد: 0، حُدّث: 1، بلا تغيير: 5" in report
    oil = Article.objects.get(source_url="https://old.example.org/?p=102")
    assert "بنسبة 3%" in oil.body
    assert Article.objects.count() == 6


def test_ctrl_c_between_batches_keeps_the_committed_ones_and_the_rerun_finishes(
    newsroom_export, import_wordpress
):
    committed = []

    def progress(count):
        committed.append(count)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_export(newsroom_export, batch_size=2, progress=progress)

    assert Article.objects.count() == 2  # the first batch: the derby and oil stories
    assert Comment.objects.count() == 6
    assert SearchEntry.objects.count() == 0  # the bulk work never ran

    import_wordpress(newsroom_export, "--batch-size", "2")
    resumed = site_state()
    # The public and scheduled ones, indexed by the rerun, the first batch's included.
    assert SearchEntry.objects.count() == 3

    Article.objects.all().delete()
    OldUrl.objects.all().delete()
    import_wordpress(newsroom_export, "--batch-size", "2")
    assert site_state() == resumed


class CrashBeforeCommit:
    """A crash (or kill) in the second batch, after its rows were written and before its
    transaction commits."""

    def __init__(self):
        self.batches = 0
        self.write = importer.Importer.write

    def __call__(self, this, posts, summary):
        self.write(this, posts, summary)
        self.batches += 1
        if self.batches == 2:
            raise RuntimeError("the disk is full")


def test_a_crash_inside_a_batch_leaves_no_half_article(
    newsroom_export, import_wordpress, monkeypatch
):
    crash = CrashBeforeCommit()
    monkeypatch.setattr(importer.Importer, "write", lambda *args: crash(*args))

    with pytest.raises(RuntimeError):
        import_export(newsroom_export, batch_size=2)

    # Only the first batch: whole articles, each with its history, byline and comments.
    assert Article.objects.count() == 2
    assert ArticleLogEntry.objects.count() == Byline.objects.count() == 2
    assert Comment.objects.count() == ImportedComment.objects.count() == 6
    assert not OldUrl.objects.filter(path="/?p=103").exists()

    monkeypatch.undo()
    report = import_wordpress(newsroom_export, "--batch-size", "2")

    assert "استُورد: 4، حُدّث: 0، بلا تغيير: 2" in report
    assert Article.objects.count() == 6 and Comment.objects.count() == 6
