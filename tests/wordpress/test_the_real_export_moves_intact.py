"""The real WordPress 6.1 export of an Arabic news archive (../shared/fixtures) moves into
Sahafa whole: every post with its state, every comment with its state and thread, every
old permalink answering with one 301 to its article; a second import changes nothing."""

import re
from collections import Counter
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import call_command

from sahafa.articles.models import Article, ArticleLogEntry
from sahafa.comments.models import Comment
from sahafa.search.models import SearchEntry

EXPORT = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "wordpress-export.xml"
SITE = "http://127.0.0.1:8081"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not EXPORT.exists(), reason=f"the real WordPress export is absent ({EXPORT})"
    ),
]


def items():
    """(post id, status, link) of every post, read from the file with plain text tools."""
    text = EXPORT.read_text(encoding="utf-8")
    for item in text.split("<item>")[1:]:
        yield (
            int(re.search(r"<wp:post_id>(\d+)<", item).group(1)),
            re.search(r"<wp:status><!\[CDATA\[(\w+)\]\]>", item).group(1),
            re.search(r"<link>(.*?)</link>", item).group(1),
        )


def test_the_real_export_moves_with_its_states_threads_and_old_addresses(client):
    out = StringIO()
    call_command("import_wordpress", str(EXPORT), "--no-progress", stdout=out)
    report = out.getvalue()
    assert "استُورد: 2080" in report

    by_status = Counter(Article.objects.values_list("status", flat=True))
    assert by_status == {"published": 2067, "draft": 5 + 2, "review": 3, "scheduled": 3}
    private = ArticleLogEntry.objects.filter(note="import: WordPress private")
    assert private.count() == 2
    assert Article.objects.published().count() == 2067
    assert SearchEntry.objects.count() >= 2067

    comments = Comment.objects.all()
    assert Counter(comments.values_list("status", flat=True)) == {"approved": 290, "pending": 84}
    assert comments.filter(parent__isnull=False).count() == 48
    for reply in comments.filter(parent__isnull=False).select_related("parent"):
        assert reply.article_id == reply.parent.article_id
        assert reply.depth == reply.parent.depth + 1

    posts = list(items())
    articles = {
        int(source.rsplit("=", 1)[1]): (pk, status)
        for source, pk, status in Article.objects.values_list("source_url", "pk", "status")
    }
    urls = {a.pk: a.get_absolute_url() for a in Article.objects.select_related("section")}
    checked = 0
    for post_id, status, link in posts:
        pk, _state = articles[post_id]
        parts = urlsplit(link)
        for old in {
            unquote(parts.path) + (f"?{parts.query}" if parts.query else ""),
            f"/?p={post_id}",
        }:
            response = client.get(old)
            if status in ("publish",):
                assert response.status_code == 301, old
                assert response["Location"] == urls[pk], old
                checked += 1
            else:
                # A draft, private or future post's old address reveals nothing.
                assert response.status_code != 301 or response["Location"] != urls[pk], old
    assert checked == 2 * 2067

    again = StringIO()
    call_command("import_wordpress", str(EXPORT), "--no-progress", stdout=again)
    assert "استُورد: 0، حُدّث: 0، بلا تغيير: 2080" in again.getvalue()
    assert Article.objects.count() == 2080 and Comment.objects.count() == 374
