"""The results page a reader sees: Arabic, counted, marked, paged, and safe."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_section


def marks(response):
    return re.findall(r"<mark>(.*?)</mark>", response.content.decode())


def test_every_page_has_a_search_form_in_the_masthead(reader, db):
    home = reader.get("/").content.decode()
    assert 'role="search"' in home
    assert 'placeholder="ابحث في الأخبار"' in home
    assert '<label class="visually-hidden" for="site-search">ابحث في الأخبار</label>' in home


def test_results_page_is_arabic_and_marks_the_original_words(reader, db):
    make_article(
        headline="الخارجية الأمريكية تعلن موقفها",
        body="<p>قال المتحدث إن الولايات المتحدة الأمريكية ستواصل الحوار.</p>",
    )
    page = reader.get("/search/", {"q": "الامريكيه"})
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "نتيجة واحدة" in html
    # Matched through normalization and stemming, marked as the article writes it.
    assert marks(page) == ["الأمريكية", "الأمريكية"]
    assert 'value="الامريكيه"' in html


@pytest.mark.parametrize(
    ("count", "phrase"),
    [(2, "نتيجتان"), (3, "3 نتائج"), (11, "11 نتيجة")],
)
def test_the_count_uses_arabic_plural_forms(reader, db, count, phrase):
    section = make_section()
    for n in range(count):
        make_article(headline=f"مؤتمر الطاقة {n}", section=section)
    assert phrase in reader.get("/search/", {"q": "مؤتمر"}).content.decode()


def test_no_query_and_article_text_can_inject_markup(reader, db):
    make_article(
        headline="<script>alert(1)</script> هجوم إلكتروني",
        standfirst='هجوم "><img src=x onerror=alert(1)>',
    )
    page = reader.get("/search/", {"q": '<script>alert(2)</script> هجوم "><img src=x>'})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    # What remains once the marks of matches and the isolation of Latin runs are taken out.
    unmarked = re.sub(r"</?(mark|bdi)>", "", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in unmarked
    api = reader.get("/api/search", {"q": "هجوم"}).json()
    assert "<script>" not in api["results"][0]["highlight"]
    assert "<mark>هجوم</mark>" in api["results"][0]["highlight"]


def test_results_are_paged_and_keep_the_query_and_filters(reader, db):
    section = make_section("اقتصاد", slug="economy")
    now = timezone.now()
    for n in range(12):
        make_article(
            headline=f"أسعار النفط اليوم {n}", section=section, published_at=now - timedelta(n)
        )
    first = reader.get("/search/", {"q": "النفط", "section": "economy"}).content.decode()
    assert "الصفحة 1 من 2" in first
    assert 'href="?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7&amp;section=economy&amp;page=2"' in first
    second = reader.get("/search/", {"q": "النفط", "section": "economy", "page": "2"})
    assert "الصفحة 2 من 2" in second.content.decode()
    assert len(re.findall(r'class="card search-result"', second.content.decode())) == 2


def test_an_empty_result_says_so_and_suggests_a_correction(reader, db):
    make_article(headline="المفاوضات الأمريكية تتعثر")
    html = reader.get("/search/", {"q": "الامريكيع"}).content.decode()
    assert "لم نجد نتائج" in html
    assert "هل تقصد:" in html
    assert ">الأمريكية</a>" in html


def test_falling_back_to_some_of_the_words_is_announced(reader, db):
    make_article(headline="المفاوضات الأمريكية تتعثر")
    html = reader.get("/search/", {"q": "المفاوضات البرازيلية"}).content.decode()
    assert "لم نجد مقالات تضم كل كلماتك، فهذه نتائج تضم بعضها." in html
    assert "نتيجة واحدة" in html


def test_bad_filters_get_an_arabic_error_and_the_search_still_runs(reader, db):
    make_article(headline="المفاوضات الأمريكية تتعثر")
    page = reader.get("/search/", {"q": "مفاوضات", "section": "nowhere", "from": "yesterday"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "لا يوجد قسم بهذا الاسم." in html
    assert "نتيجة واحدة" in html
    assert 'value="yesterday"' in html


def test_only_exclusions_ask_for_a_word(reader, db):
    html = reader.get("/search/", {"q": "-كوريا"}).content.decode()
    assert "اكتب كلمة للبحث عنها." in html
