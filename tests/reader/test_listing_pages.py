"""Section, tag and author pages: newest first, paginated, counted in proper Arabic."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sahafa.articles import views, workflow
from sahafa.articles.models import Article
from sahafa.pagecache.store import purge
from tests.factories import make_article, make_author, make_section, make_tag


def publish_many(count, section, tag):
    """`count` articles through the bulk path, as an import would publish them."""
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(headline=f"خبر مستورد {number}", slug=f"imported-{number}", section=section)
        for number in range(count)
    )
    for article in articles:
        article.published_at = now
    tag.articles.add(*articles)
    workflow.publish_imported(articles)


@pytest.mark.parametrize(
    ("count", "phrase"),
    [
        (0, "لا توجد مقالات"),
        (1, "مقال واحد"),
        (2, "مقالان"),
        (3, "3 مقالات"),
        (11, "11 مقالاً"),
        (100, "100 مقال"),
    ],
)
def test_the_article_count_agrees_with_its_number(reader, count, phrase):
    section = make_section("اقتصاد", slug="economy")
    tag = make_tag("النفط")
    publish_many(count, section, tag)

    html = reader.get(tag.get_absolute_url()).content.decode()

    counted = html.split('class="listing-count">', 1)[1].split("</p>", 1)[0]
    assert counted == phrase


def test_a_section_page_lists_its_articles_newest_first(reader):
    economy = make_section("اقتصاد", slug="economy", description="الأسواق والطاقة والبنوك.")
    older = make_article("أسعار النفط تستقر", section=economy)
    newer = make_article("البنك المركزي يثبت الفائدة", section=economy)
    elsewhere = make_article("منتخب الشباب يتأهل")

    response = reader.get("/economy/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "<h1>اقتصاد</h1>" in html
    assert "الأسواق والطاقة والبنوك." in html
    assert html.index(newer.headline) < html.index(older.headline)
    assert elsewhere.headline not in html
    assert 'href="/economy/" aria-current="page"' in html


def test_an_author_page_shows_the_bio_and_only_her_articles(reader):
    layla = make_author("ليلى حداد", bio="محررة الشؤون السياسية.")
    hers = make_article("البرلمان يقر القانون", authors=[layla])
    other = make_article("منتخب الشباب يتأهل", authors=[make_author("عمر الخطيب")])

    html = reader.get(layla.get_absolute_url()).content.decode()

    assert "محررة الشؤون السياسية." in html
    assert hers.headline in html and other.headline not in html
    assert "كاتب" in html


def test_a_tag_page_lists_the_tagged_articles(reader):
    tagged = make_article("أسعار النفط تستقر", tags=["النفط"])
    untagged = make_article("البنك المركزي يثبت الفائدة")

    html = reader.get(make_tag("النفط").get_absolute_url()).content.decode()

    assert tagged.headline in html and untagged.headline not in html
    assert "<h1>النفط</h1>" in html


def test_long_listings_are_paginated(reader, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    section = make_section("اقتصاد", slug="economy")
    headlines = [make_article(f"خبر اقتصادي {n}", section=section).headline for n in range(5)]

    first = reader.get("/economy/").content.decode()
    last = reader.get("/economy/", {"page": "3"}).content.decode()
    beyond = reader.get("/economy/", {"page": "99"}).content.decode()

    assert headlines[4] in first and headlines[3] in first and headlines[2] not in first
    assert "الصفحة 1 من 3" in first and 'href="?page=2"' in first and 'rel="prev"' not in first
    assert headlines[0] in last and 'href="?page=2"' in last and 'rel="next"' not in last
    assert "الصفحة 3 من 3" in beyond
    assert '<meta name="robots" content="noindex, follow">' in last


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_a_listing_reads_as_much_for_three_stories_as_for_three_hundred(
    reader, kind, django_assert_num_queries
):
    economy = make_section("اقتصاد", slug="economy")
    oil = make_tag("نفط")
    writer = make_author("سلمى")
    pages = {"section": "/economy/", "tag": oil.get_absolute_url()}
    pages["author"] = writer.get_absolute_url()
    for number in range(3):
        make_article(f"خبر عن النفط {number}", section=economy, tags=[oil], authors=[writer])

    def first_render_since_a_change():
        reader.get(pages[kind])  # What is kept for minutes whatever changes (the most read).
        purge({"latest"})  # Nothing of the page kept, as after any change.
        with CaptureQueriesContext(connection) as render:
            reader.get(pages[kind], {"page": "2"})
        return len(render.captured_queries)

    few = first_render_since_a_change()
    publish_many(300, economy, oil)
    writer.articles.add(*Article.objects.filter(slug__startswith="imported-"))
    many = first_render_since_a_change()

    assert few == many <= 12
    # Asked again, only the section, tag or author is looked up by its address.
    with django_assert_num_queries(1):
        reader.get(pages[kind], {"page": "2"})
