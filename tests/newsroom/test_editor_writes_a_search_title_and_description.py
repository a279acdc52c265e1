"""Nadia, the editor, gives a long investigative headline a shorter title and summary for
search engines and social cards, in the newsroom's «محركات البحث والمشاركة» box; an
article without them shows its headline and standfirst."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import make_article

from .admin_form import form_fields
from .arabic import arabic

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>')
HEADLINE = "تحقيق: كيف اختفت ملايين الدولارات من صندوق دعم المزارعين خلال ثلاث سنوات"


def head_of(reader, article):
    html = reader.get(article.get_absolute_url()).content.decode()
    news = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    return html, news


def test_the_editor_sets_a_search_title_and_description(editor, reader):
    article = make_article(HEADLINE, standfirst="وثائق تكشف مسار الأموال.")
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = editor.get(url)
    page = form.content.decode()
    for label in ("Search engines and sharing", "search title", "search description"):
        assert arabic(label) in page
    data = form_fields(form)
    data.update(
        seo_title="أين ذهبت أموال دعم المزارعين؟",
        seo_description="تحقيق في ملايين الدولارات المفقودة من صندوق دعم المزارعين.",
        _continue="1",
    )

    assert editor.post(url, data).status_code == 302

    html, news = head_of(reader, article)
    assert "<title>أين ذهبت أموال دعم المزارعين؟ — " in html
    assert '<meta property="og:title" content="أين ذهبت أموال دعم المزارعين؟">' in html
    description = "تحقيق في ملايين الدولارات المفقودة من صندوق دعم المزارعين."
    assert f'<meta name="description" content="{description}">' in html
    assert f'<meta property="og:description" content="{description}">' in html
    assert news["description"] == description
    # The story itself keeps its headline.
    assert f'<h1 id="headline" class="article-headline">{HEADLINE}</h1>' in html
    assert news["headline"] == HEADLINE


def test_without_them_the_headline_and_standfirst_are_used(reader):
    article = make_article(HEADLINE, standfirst="وثائق تكشف مسار الأموال.")

    html, news = head_of(reader, article)

    assert f"<title>{HEADLINE} — " in html
    assert f'<meta property="og:title" content="{HEADLINE}">' in html
    assert '<meta name="description" content="وثائق تكشف مسار الأموال.">' in html
    assert news["description"] == "وثائق تكشف مسار الأموال."
