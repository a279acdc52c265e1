"""A day of Saudi newspapers goes in and comes out as published, filed, bylined articles."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from sahafa.articles.models import Article, ArticleLogEntry, Section, Tag
from sahafa.imports.importer import import_paths, import_records

pytestmark = pytest.mark.django_db


def test_newspaper_records_become_published_articles(news_record, zip_file, reader):
    path = zip_file(
        [
            news_record(
                source="aljazirah",
                url="http://www.al-jazirah.com/2015/20150809/sp35.htm",
                title="الهلال يتعاقد مع مدافع دولي",
                author="الجزيرة - سلطان المواش:",
            ),
            news_record(source="aawsat", author=""),
        ]
    )

    summary = import_paths([path])

    assert (summary.created, summary.updated, summary.skipped) == (2, 0, [])
    sports = Article.objects.published().get(headline="الهلال يتعاقد مع مدافع دولي")
    assert sports.section.slug == "sports"
    assert sports.section.name == "رياضة"
    assert [t.name for t in sports.tags.all()] == ["صحيفة الجزيرة"]
    assert [a.name for a in sports.byline_authors] == ["الجزيرة - سلطان المواش"]
    unsigned = Article.objects.published().get(source_url__contains="okaz")
    assert unsigned.byline_authors == []
    assert [t.name for t in unsigned.tags.all()] == ["صحيفة الشرق الأوسط"]
    assert unsigned.section.slug == "news"
    assert set(ArticleLogEntry.objects.values_list("action", "note")) == {("published", "import")}

    page = reader.get(sports.get_absolute_url())
    assert page.status_code == 200
    assert "الهلال يتعاقد مع مدافع دولي" in page.text


def test_paragraphs_become_p_elements_and_markup_stays_text(news_record, reader):
    import_records(
        [
            news_record(
                content="الفقرة الأولى من الخبر.\n\n<script>alert('x')</script> &quot;نص&quot;\n"
            )
        ]
    )

    article = Article.objects.get()
    assert article.body == (
        "<p>الفقرة الأولى من الخبر.</p><p>&lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>('<bdi>x</bdi>')"
        '&lt;/<bdi>script</bdi>&gt; "نص"</p>'
    )
    page = reader.get(article.get_absolute_url())
    assert "<script>alert" not in page.text
    assert "&lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>" in page.text


def test_date_extracted_is_saudi_time(news_record):
    import_records([news_record(date_extracted="2015-08-11 13:44:43")])

    published_at = Article.objects.get().published_at
    assert published_at == datetime(2015, 8, 11, 13, 44, 43, tzinfo=ZoneInfo("Asia/Riyadh"))
    # The reader's clock in the tests is Cairo's, an hour behind Riyadh in August 2015.
    assert timezone.localtime(published_at).hour == 12


@pytest.mark.parametrize(
    ("source", "url", "section"),
    [
        ("3alyoum", "http://www.3alyoum.com/news/pol/a/وصول-طائرة/", "politics"),
        ("3alyoum", "http://www.3alyoum.com/finance/a/أسعار-خام-برنت/", "economy"),
        ("3alyoum", "http://www.3alyoum.com/news/golobal/a/عاملة-نظافة/", "world"),
        ("alwatan", "http://www.alwatan.com.sa/Local/News_Detail.aspx?ArticleID=1", "local"),
        ("alwatan", "http://www.alwatan.com.sa/Articles/Detail.aspx?ArticleId=2", "opinion"),
        ("aljazirah", "http://www.al-jazirah.com/2015/20150801/cu18.htm", "culture"),
        ("arriyadiyah", "http://www.arriyadiyah.com/node/1/رياضة-محلية/الغيابات", "sports"),
        ("arreyadi", "http://www.arreyadi.com.sa/Home/Details/MTAxNzk=", "sports"),
        ("aleqtisadiya", "http://www.aleqt.com/2015/07/23/article_975661.html", "economy"),
        ("alriyadh", "http://www.alriyadh.com/1070885", "news"),
    ],
)
def test_the_section_comes_from_the_url_or_the_newspaper(news_record, source, url, section):
    import_records([news_record(source=source, url=url)])

    assert Article.objects.get().section.slug == section


def test_existing_sections_are_reused_by_slug_or_name(news_record):
    politics = Section.objects.create(name="السياسة والحكم", slug="politics")
    sports = Section.objects.create(name="رياضة", slug="riyada")

    import_records(
        [
            news_record(url="http://www.3alyoum.com/news/pol/a/1/"),
            news_record(url="http://www.3alyoum.com/sports/a/2/"),
        ]
    )

    assert set(Article.objects.values_list("section", flat=True)) == {politics.id, sports.id}
    assert Section.objects.count() == 2


def test_one_author_per_credit_line_however_it_is_spelled(news_record):
    import_records(
        [
            news_record(author="أيمـن الـحـمـاد"),
            news_record(author="أيمن الحماد"),
            news_record(author="\xa0أيمن الحماد :"),
            news_record(author="- نجاح عمليات التحالف يُعَدّ سقوطاً ذريعاً للتدخل."),
        ]
    )

    bylines = [tuple(a.name for a in article.byline_authors) for article in Article.objects.all()]
    assert sorted(bylines) == [(), ("أيمـن الـحـمـاد",)] + [("أيمـن الـحـمـاد",)] * 2


def test_unknown_sources_keep_their_id_as_the_tag_and_no_source_means_no_tag(news_record):
    import_records([news_record(source="hayat"), news_record(source=" ")])

    assert list(Tag.objects.values_list("name", flat=True)) == ["hayat"]
    tags = {tuple(t.name for t in article.tags.all()) for article in Article.objects.all()}
    assert tags == {("hayat",), ()}


def test_a_record_dated_in_the_future_is_scheduled_not_shown_early(news_record):
    next_year = timezone.localtime().year + 1
    import_records([news_record(date_extracted=f"{next_year}-01-01 09:00:00")])

    article = Article.objects.get()
    assert article.status == Article.Status.SCHEDULED
    assert not Article.objects.published().exists()
    assert list(article.log_entries.values_list("action", flat=True)) == ["scheduled"]
