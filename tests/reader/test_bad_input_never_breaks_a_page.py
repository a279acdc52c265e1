"""Whatever a reader, a crawler or a broken link sends, pages answer 200 or an Arabic 404:
never a 500, never a database error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_article, make_author, make_section, make_tag

NOT_FOUND_TEXT = "الصفحة غير موجودة"
JUNK_PAGES = [
    "-1",
    "0",
    "abc",
    "99999999999999999999",
    "١٢",
    "1e309",
    "nan",
    "2.5",
    "\x00",
    "%00",
    "صفحة",
    "𝟙",
    "1" * 5000,
    "' OR 1=1 --",
]


@pytest.fixture
def listings(db):
    section = make_section("سياسة", slug="politics")
    tag = make_tag("الانتخابات")
    author = make_author("ليلى حداد")
    make_article("البرلمان يقر القانون", section=section, tags=[tag], authors=[author])
    return [
        "/",
        section.get_absolute_url(),
        tag.get_absolute_url(),
        author.get_absolute_url(),
    ]


@pytest.mark.parametrize("page", JUNK_PAGES)
def test_junk_page_numbers_show_a_real_page(reader, listings, page):
    for url in listings:
        response = reader.get(url, {"page": page, "q": page, "utm_source": page})
        assert response.status_code == 200, (url, page)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.text(max_size=40))
def test_any_text_as_a_page_number_shows_a_real_page(reader, listings, junk):
    assert reader.get(listings[1], {"page": junk}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-section/",
        "/قسم-غير-موجود/",
        "/tag/no-such-tag/",
        "/tag/وسم-غير-موجود/",
        "/author/nobody/",
        "/politics/999999/",
        "/politics/999999/some-slug/",
        "/no-such-section/999999/",
        "/a/999999",
        "/a/99999999999999999999",
        "/politics/99999999999999999999/x/",
        "/politics%00/",
        "/tag/%00/",
        "/author/a%00b/",
        "/politics/1%00/",
        "/" + "ع" * 3000 + "/",
        "/tag/<script>alert(1)<%2Fscript>/",
    ],
)
def test_unknown_addresses_are_an_arabic_404(reader, listings, url):
    response = reader.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND_TEXT in html
    assert 'dir="rtl"' in html
    assert "<script>alert" not in html


def test_a_nul_byte_in_the_slug_of_a_real_article_redirects_to_it(reader):
    article = make_article("البرلمان يقر القانون")

    response = reader.get(f"/{article.section.slug}/{article.pk}/slug%00/")

    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())
