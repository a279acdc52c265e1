"""An editor adds a «تصحيح» to a published story in the newsroom: readers see it above the
body and on /corrections/ (a stored page, forgotten when a correction is added), feed
readers in the item's content, apps in the API, search engines in `dateModified`."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sahafa.revisions.models import Correction
from tests.factories import make_article
from tests.newsroom.admin_form import form_fields
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db

NOTICE = "ذكرت نسخة سابقة أن الاجتماع عُقد في جدة، والصحيح أنه عُقد في الرياض."


def add_correction(client, article, kind="correction", text=NOTICE):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_fields(client.get(url))
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": kind,
            "corrections-0-text": text,
            "corrections-0-at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "corrections-0-at_1": timezone.localtime().strftime("%H:%M:%S"),
            "_save": "1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_correction_shows_above_the_body_and_in_dateModified(editor, reader, announced):
    article = make_article(
        "وزراء الخارجية العرب يجتمعون", published_at=timezone.now() - timedelta(days=1)
    )

    add_correction(editor, article)

    correction = Correction.objects.get(article=article)
    assert correction.created_by == editor.user
    assert ("corrected", article.pk) in announced
    page = reader.get(article.get_absolute_url()).content.decode()
    notices = re.search(r'<aside class="corrections" dir="rtl"[^>]*>(.*?)</aside>', page, re.S)
    assert notices is not None
    assert "تصحيح" in notices.group(1) and "عُقد في الرياض" in notices.group(1)
    assert page.index('class="corrections"') < page.index('class="article-body"')
    ld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    news = (
        next(item for item in ld["@graph"] if item["@type"] == "NewsArticle")
        if "@graph" in ld
        else ld
    )
    assert news["dateModified"] == timezone.localtime(correction.at).isoformat()
    assert news["dateModified"] > news["datePublished"]


def test_corrections_page_lists_newest_first_and_is_forgotten_when_one_is_added(editor):
    first = make_article("خبر أول عن الطقس")
    second = make_article("خبر ثان عن الاقتصاد")
    add_correction(editor, first, text="صُحح اسم المدينة.")
    stored = fetch("/corrections/")
    assert fetch("/corrections/").cache == "HIT"
    assert "corrections" in stored.keys

    add_correction(editor, second, kind="update", text="أضفنا تصريح الوزير.")

    after = fetch("/corrections/")
    assert after.cache == "MISS"
    body = after.body.decode()
    assert body.index("أضفنا تصريح الوزير.") < body.index("صُحح اسم المدينة.")
    assert "تحديث" in body and "خبر ثان عن الاقتصاد" in body


def test_feeds_and_the_api_carry_the_correction(editor, reader):
    article = make_article("قمة المناخ تختتم أعمالها")
    add_correction(editor, article, kind="update", text="أضفنا البيان الختامي للقمة.")

    rss = reader.get("/feeds/").content.decode()
    item = re.search(r"<item>(.*?)</item>", rss, re.S).group(1)
    assert "أضفنا البيان الختامي للقمة." in item and "تحديث" in item
    detail = reader.get(f"/api/v1/articles/{article.pk}").json()
    assert detail["corrections"] == [
        {
            "kind": "update",
            "label": "تحديث",
            "text": "أضفنا البيان الختامي للقمة.",
            "at": detail["corrections"][0]["at"],
        }
    ]
    assert detail["materially_updated_at"] == detail["corrections"][0]["at"]


def test_only_an_editor_adds_a_correction_and_only_to_a_public_article(writer, editor):
    article = make_article("خبر منشور", by=writer.user)
    url = reverse("admin:articles_article_change", args=[article.pk])
    # The writer reads the notices (none yet) but is offered no form to add one.
    page = writer.get(url).content.decode()
    assert 'name="corrections-MAX_NUM_FORMS" value="0"' in page
    crafted = writer.post(
        url,
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-INITIAL_FORMS": "0",
            "corrections-0-kind": "correction",
            "corrections-0-text": "تصحيح مزور",
            "_save": "1",
        },
    )
    assert crafted.status_code == 403
    assert not Correction.objects.exists()
    editors_page = editor.get(url).content.decode()
    assert 'name="corrections-MAX_NUM_FORMS" value="1000"' in editors_page
    draft = make_article("مسودة", published=False)
    draft_page = editor.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert 'name="corrections-TOTAL_FORMS"' not in draft_page.content.decode()
