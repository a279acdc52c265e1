"""When something goes wrong the reader still reads Arabic, right to left."""

from django.test import RequestFactory

from sahafa.articles.views import server_error


def test_the_404_page_is_arabic_with_the_site_around_it(reader, db):
    response = reader.get("/no-such-section/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1" in html and html.count("<h1") == 1
    assert "الصفحة غير موجودة" in html
    assert "العودة إلى الصفحة الرئيسية" in html
    assert 'class="sections-nav"' in html


def test_the_500_page_is_arabic_and_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/politics/")

    with django_assert_num_queries(0):
        response = server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert "عذراً، حدث خطأ غير متوقع" in html
    assert "<link" not in html
