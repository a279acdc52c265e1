"""An entry stored before Latin runs were isolated gets the current markup from `sahafa
resanitize`, as article bodies do: readers of the stored page and the polling readers see
it at once, and a draft is rewritten without being announced."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from sahafa.articles.sanitize import sanitize_body
from sahafa.live.models import Entry, LiveBlog
from tests.pagecache.wsgi_client import fetch

from .coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db

BEFORE_THE_RULE = "<p>OPEC+ تبحث خفض الإنتاج في فيينا.</p>"


def test_resanitize_rewrites_entries_stored_before_the_rule_and_readers_see_it():
    blog = make_live_blog()
    published = make_entry(blog, "<p>بدء الاجتماع.</p>")
    draft = make_entry(blog, "<p>مسودة.</p>", published=False)
    Entry.objects.filter(pk__in=[published.pk, draft.pk]).update(body=BEFORE_THE_RULE)
    page = blog.article.get_absolute_url()
    fetch(page)
    assert "<bdi>OPEC+</bdi>" not in fetch(page).body.decode()
    version = LiveBlog.objects.get(pk=blog.pk).version

    out = StringIO()
    call_command("resanitize", stdout=out)

    assert {entry.body for entry in Entry.objects.all()} == {sanitize_body(BEFORE_THE_RULE)}
    assert "<bdi>OPEC+</bdi> تبحث" in fetch(page).body.decode()
    polled = json.loads(fetch(f"/live/{blog.pk}/entries", f"after={version}").body)
    assert [entry["id"] for entry in polled["entries"]] == [published.pk]
    # «rewritten of read»: the articles' line, then the entries'.
    assert re.findall(r"\d+", out.getvalue().splitlines()[1]) == ["2", "2"]
    call_command("resanitize", stdout=(again := StringIO()))
    assert re.findall(r"\d+", again.getvalue().splitlines()[1])[0] == "0"
