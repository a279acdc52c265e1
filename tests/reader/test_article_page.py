"""A reader opens an article: everything in newspaper order, dates in both calendars, and a
query count that does not grow with the article's tags and authors."""

import io
import re
from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from sahafa.pagecache.store import purge
from tests.factories import make_article, make_author, make_section

CAIRO = ZoneInfo("Africa/Cairo")


def jpeg(name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (32, 18), "#a4161a").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_the_article_reads_in_newspaper_order(reader):
    politics = make_section("سياسة", slug="politics")
    article = make_article(
        "وزراء الخارجية يتفقون على إطار للأمن المائي",
        section=politics,
        kicker="في ختام اجتماع استثنائي..",
        standfirst="اتفق الوزراء على ربط محطات التحلية.",
        authors=[make_author("ليلى حداد")],
        tags=["المياه", "الخليج"],
        dateline="الرياض",
        body="<p>قال الأمين العام: “الماء لم يعد ملفاً فنياً”.</p>"
        "<blockquote><p>«التنسيق أقل كلفة من الأزمة»</p></blockquote>",
        lead_image=jpeg(),
        lead_image_caption="الوزراء خلال اجتماعهم في الرياض",
    )

    html = reader.get(article.get_absolute_url()).content.decode()

    landmarks = [
        'class="kicker article-kicker"',
        'id="headline"',
        'class="byline-authors"',
        'class="byline-time"',
        'class="lead-figure"',
        'class="article-body"',
        'class="article-tags"',
        'class="share"',
        'id="comments"',
    ]
    positions = [html.index(landmark) for landmark in landmarks]
    assert positions == sorted(positions)
    assert "بقلم" in html and "ليلى حداد" in html
    assert 'alt="الوزراء خلال اجتماعهم في الرياض"' in html
    assert "<p>قال الأمين العام: “الماء لم يعد ملفاً فنياً”.</p>" in html
    assert "<blockquote><p>«التنسيق أقل كلفة من الأزمة»</p></blockquote>" in html
    assert html.count("<h1") == 1


def test_the_date_shows_the_hijri_day_beside_the_gregorian_one(reader):
    # 23:30 UTC on 10 March 2024 is already 11 March in Cairo: 1 Ramadan 1445.
    published = datetime(2024, 3, 10, 23, 30, tzinfo=ZoneInfo("UTC"))
    article = make_article("بدء شهر رمضان", published_at=published)

    html = reader.get(article.get_absolute_url()).content.decode()

    dateline = html.split('class="byline-time"', 1)[1].split("</p>", 1)[0]
    assert "الاثنين 11 مارس 2024" in dateline
    assert "1 رمضان 1445 هـ" in dateline
    assert "01:30" in dateline
    assert f'datetime="{published.astimezone(CAIRO).isoformat()}"' in dateline
    assert dateline.index("مارس") < dateline.index("رمضان")


def test_share_links_are_plain_links_through_the_short_address(reader, settings):
    article = make_article("افتتاح معرض الكتاب")

    html = reader.get(article.get_absolute_url()).content.decode()

    share = html.split('class="share"', 1)[1].split("</nav>", 1)[0]
    short = f"{settings.SAHAFA_BASE_URL}/a/{article.pk}"
    assert "wa.me" in share and "x.com" in share and "facebook.com" in share
    assert quote(short, safe="/") in share
    assert "<script" not in share and "<iframe" not in share


def test_no_third_party_scripts_fonts_or_trackers(reader, settings):
    article = make_article("افتتاح معرض الكتاب")

    for url in ("/", article.get_absolute_url(), article.section.get_absolute_url()):
        html = reader.get(url).content.decode()
        loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
        third_party = [
            address
            for address in loaded
            if address.startswith(("http:", "https:", "//"))
            and not address.startswith(settings.SAHAFA_BASE_URL)
        ]
        assert third_party == [], url
        assert "@import" not in html and "@font-face" not in html


def test_the_article_page_query_count_does_not_grow_with_tags_and_authors(reader):
    def first_render_since_a_change(article):
        reader.get(article.get_absolute_url())  # What is kept for minutes (the most read).
        purge({"latest"})  # Nothing of the page kept, as after any change.
        with CaptureQueriesContext(connection) as render:
            reader.get(article.get_absolute_url())
        return len(render.captured_queries)

    small = make_article("خبر قصير", tags=["اقتصاد"], authors=[make_author("عمر")])
    large = make_article(
        "خبر طويل",
        section=small.section,
        tags=[f"وسم {n}" for n in range(8)],
        authors=[make_author(f"كاتب {n}") for n in range(4)],
    )

    assert first_render_since_a_change(large) == first_render_since_a_change(small) <= 16


def test_an_article_asked_again_reads_nothing_until_the_news_changes(
    reader, django_assert_num_queries
):
    article = make_article("وزارة الصحة تطلق حملة التطعيم", tags=["صحة"])
    reader.get(article.get_absolute_url())

    # The article, its parts, «شاهد أيضاً», when its comments close: kept per content
    # version; the comment thread: in the shared cache.
    with django_assert_num_queries(0):
        reader.get(article.get_absolute_url())

    article.headline = "وزارة الصحة تمدد حملة التطعيم أسبوعاً"
    article.save()
    assert "تمدد حملة التطعيم" in reader.get(article.get_absolute_url()).content.decode()


def test_a_first_render_reads_the_byline_and_the_tags_once(reader):
    article = make_article(
        "خبر بكاتبين ووسمين",
        tags=["اقتصاد", "نفط"],
        authors=[make_author("عمر"), make_author("سلمى")],
    )
    with CaptureQueriesContext(connection) as render:
        page = reader.get(article.get_absolute_url()).content.decode()
    reads = [query["sql"] for query in render.captured_queries]

    # The header and the JSON-LD show the byline; the tags and the JSON-LD the tags.
    assert sum('FROM "articles_byline"' in sql for sql in reads) == 1
    assert sum('"articles_article_tags"' in sql for sql in reads) == 1
    assert page.count("سلمى") >= 2 and page.count("نفط") >= 2
