"""A form sent in a charset other than UTF-8 (an old Arabic Windows page, a crawler, a
scanner) is answered 400 in Arabic, wherever it is posted: never a 500."""

import pytest
from django.test import Client

from tests.factories import make_article

LATIN_1_FORM = "application/x-www-form-urlencoded; charset=latin-1"


@pytest.fixture
def browser_with_a_csrf_cookie():
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "x" * 32
    return client


@pytest.mark.parametrize("charset", ["latin-1", "windows-1256", "iso-8859-6", "utf-16"])
@pytest.mark.parametrize("where", ["/", "/search/", "/admin/login/", "comment form"])
def test_a_form_in_another_charset_is_refused_with_an_arabic_400(
    browser_with_a_csrf_cookie, where, charset
):
    if where == "comment form":
        where = f"/comments/post/{make_article('خبر يعلّق عليه القرّاء').pk}/"

    response = browser_with_a_csrf_cookie.generic(
        "POST",
        where,
        b"name=%E9&body=caf%E9",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "تعذّر فهم الطلب" in html


def test_the_500_page_renders_even_for_a_request_whose_form_cannot_be_read(rf):
    from sahafa.articles.views import server_error

    request = rf.generic("POST", "/", b"body=x", content_type=LATIN_1_FORM)
    request.COOKIES["csrftoken"] = "x" * 32

    response = server_error(request)

    assert response.status_code == 500
    assert "عذراً، حدث خطأ غير متوقع" in response.content.decode()
