"""The live blog's page as stored and shared by the page cache, and as a reader without
JavaScript reads it: every published entry, newest first with the «عاجل» entry on top,
each with its time in Arabic, Hijri beside Gregorian; no draft."""

import re

import pytest

from sahafa.live import workflow

from .coverage import make_entry, make_live_blog

pytestmark = pytest.mark.django_db


def entries_in(page):
    region = re.search(r'<ol class="live-entries"[^>]*>(.*?)</ol>', page, re.S).group(1)
    return re.findall(r'<li id="live-entry-(\d+)" class="([^"]+)"', region), region


def test_every_published_entry_newest_first_with_the_pinned_one_on_top(reader):
    blog = make_live_blog()
    oldest = make_entry(blog, "<p>بدء الإخلاء.</p>", minutes_ago=50)
    key = make_entry(blog, "<p>أوامر إخلاء جديدة.</p>", title="إخلاء بلدتين", minutes_ago=30)
    newest = make_entry(blog, "<p>فتح مراكز الإيواء.</p>", minutes_ago=5)
    draft = make_entry(blog, "<p>[مسودة لم تُراجع]</p>", published=False)
    workflow.pin_entry(key, by=None)

    page = reader.get(blog.article.get_absolute_url()).content.decode()

    listed, region = entries_in(page)
    assert [int(pk) for pk, _class in listed] == [key.pk, newest.pk, oldest.pk]
    assert listed[0][1] == "live-entry live-entry--pinned"
    assert '<strong class="live-pin">عاجل</strong>' in region
    assert "[مسودة لم تُراجع]" not in page and f"live-entry-{draft.pk}" not in page
    assert '<h3 class="live-entry-title" dir="rtl">إخلاء بلدتين</h3>' in region
    times = re.findall(r'<time datetime="[^"]+">(.*?)</time>', region)
    assert len(times) == 3
    assert all('class="gregorian"' in t and 'class="hijri"' in t and " هـ" in t for t in times)
    # The region comes before the article's body: the news first.
    assert page.index('id="live"') < page.index('class="article-body"')


def test_an_open_live_blog_loads_its_static_script_and_no_inline_one(reader):
    blog = make_live_blog()
    make_entry(blog)

    page = reader.get(blog.article.get_absolute_url()).content.decode()

    assert f'data-live-url="/live/{blog.pk}/entries"' in page
    assert re.search(r'<script src="/static/live/live\.js" defer></script>', page)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert all('type="application/ld+json"' in attributes for attributes in scripts)
    assert "مباشر: تظهر التحديثات الجديدة في الأعلى." in page


def test_an_ended_live_blog_says_so_and_asks_for_nothing(reader):
    blog = make_live_blog()
    make_entry(blog, "<p>نهاية المباراة.</p>")
    workflow.close_coverage(blog, by=None)

    page = reader.get(blog.article.get_absolute_url()).content.decode()

    assert "انتهت التغطية المباشرة" in page and "نهاية المباراة." in page
    assert "data-live-url" not in page and "live.js" not in page


def test_an_article_that_is_not_live_shows_no_live_region(reader):
    from tests.factories import make_article

    page = reader.get(make_article().get_absolute_url()).content.decode()

    assert 'id="live"' not in page and "live.css" not in page
