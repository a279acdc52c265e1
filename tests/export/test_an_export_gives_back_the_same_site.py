"""`sahafa export` writes the whole site as JSON Lines; `sahafa import-site` reads it into an
empty database and gives back the same site: the same articles at the same addresses, with
their sections, tags, authors, states, old addresses, comments and corrections — and exporting again
writes the same file. Emails stay out unless `--include-private`."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from sahafa.articles import workflow
from sahafa.articles.models import Article, Author, Section, Tag
from sahafa.comments.models import Comment
from sahafa.revisions.models import Correction
from sahafa.search.models import SearchEntry
from sahafa.wordpress.models import OldUrl
from tests.factories import make_article, make_author, make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_site(newsroom_export, import_wordpress, editor):
    """A moved WordPress site, plus a story of the newsroom's own, since archived."""
    import_wordpress(newsroom_export)
    own = make_article("افتتاح معرض الكتاب", authors=[make_author()], tags=["ثقافة"])
    make_comment(own, name="ليلى", email="Layla@Example.com")
    Correction.objects.create(
        article=own, kind=Correction.Kind.CORRECTION, text="صُحح تاريخ افتتاح المعرض."
    )
    old = make_article("خبر قديم")
    workflow.archive(old, editor.user)
    return own


def page(reader, url):
    """A page as readers see it: the comment form's hidden fields (a fresh token and time
    on every rendering) left out."""
    return re.sub(rb"<input type=\"hidden\"[^>]*>", b"", reader.get(url).content)


def export(*args):
    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def empty_the_site():
    Article.objects.all().delete()
    OldUrl.objects.all().delete()
    for model in (Section, Tag, Author):
        model.objects.all().delete()


def test_an_export_read_into_an_empty_site_gives_back_the_same_site(a_site, tmp_path, reader):
    before = export("--include-private")
    pages = {
        a.get_absolute_url(): page(reader, a.get_absolute_url())
        for a in Article.objects.published().select_related("section")
    }
    path = tmp_path / "site.jsonl"
    path.write_text(before, encoding="utf-8")

    empty_the_site()
    out = StringIO()
    call_command("import_site", str(path), "--no-progress", stdout=out)

    assert "استُورد: 8، تُخطّي (رقمه مأخوذ): 0." in out.getvalue()
    assert export("--include-private") == before
    assert "صُحح تاريخ افتتاح المعرض." in before
    # The same pages at the same addresses, comments and corrections included; old
    # addresses still lead.
    for url, content in pages.items():
        assert page(reader, url) == content, url
    derby = Article.objects.get(source_url="https://old.example.org/?p=101")
    assert reader.get("/?p=101")["Location"] == derby.get_absolute_url()
    assert reader.get("/feed/")["Location"] == "/feeds/"
    assert (
        SearchEntry.objects.count()
        == Article.objects.exclude(status__in=["draft", "review", "archived"]).count()
    )
    # New articles after a restore get new ids.
    assert make_article("خبر جديد بعد النقل").pk > max(
        json.loads(line).get("id", 0) for line in before.splitlines()
    )


def test_emails_and_held_comments_stay_out_unless_asked(a_site):
    public = export()

    assert "layla@example.com" not in public and "abukhalid@example.org" not in public
    assert "192.0.2.10" not in public
    comments = [
        c
        for line in public.splitlines()
        if (r := json.loads(line))["type"] == "article"
        for c in r["comments"]
    ]
    assert comments and {c["status"] for c in comments} == {"approved"}
    assert len(comments) == Comment.objects.approved().count()

    private = export("--include-private")
    assert "layla@example.com" in private and "abukhalid@example.org" in private
    assert '"status": "spam"' in private
