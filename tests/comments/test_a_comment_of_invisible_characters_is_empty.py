"""A comment or a name made only of characters nobody can see — zero-width spaces and
joiners, the word joiner, a byte-order mark, tatweel — is empty: the reader gets the form
back with the Arabic error and everything else they typed."""

import pytest

from sahafa.comments.models import Comment
from tests.comments.posting import post_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

REQUIRED = "هذا الحقل مطلوب."
INVISIBLE = [
    "\u200b",
    "\u200c\u200d",
    "\u2060\u2060\u2060",
    "\ufeff",
    "ـــــ",
    " \u200b \u200f\u200e ",
    "\u064b\u064e\u0651",  # tashkeel with no letter under it
]


def error_of(html, field):
    return html.split(f'id="id_{field}"')[1].split("</div>")[0]


@pytest.mark.parametrize("invisible", INVISIBLE)
def test_a_comment_of_invisible_characters_is_refused_and_the_rest_is_kept(reader, invisible):
    article = make_article()

    response = post_comment(reader, article, comment=invisible, author="مريم سالم")

    html = response.content.decode()
    assert response.status_code == 400
    assert REQUIRED in error_of(html, "comment")
    assert 'value="مريم سالم"' in html
    assert 'value="layla@example.com"' in html
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("invisible", INVISIBLE)
def test_a_name_of_invisible_characters_is_refused_and_the_comment_is_kept(reader, invisible):
    article = make_article()

    response = post_comment(reader, article, author=invisible, comment="رأي كتبته بعناية")

    html = response.content.decode()
    assert response.status_code == 400
    assert REQUIRED in error_of(html, "author")
    assert "رأي كتبته بعناية</textarea>" in html
    assert Comment.objects.count() == 0


def test_invisible_characters_inside_a_real_comment_do_not_stop_it(reader):
    article = make_article()

    response = post_comment(reader, article, comment="\u200bمقال مهـــم جداً\u200c")

    assert response.status_code == 302
    assert Comment.objects.get().body == "\u200bمقال مهـــم جداً\u200c"
