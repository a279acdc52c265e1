"""A reader who makes a mistake gets an Arabic error next to the field and loses nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahafa.comments.models import Comment
from tests.comments.posting import post_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_missing_name_is_reported_next_to_the_field_and_the_text_is_kept(reader):
    article = make_article()

    response = post_comment(reader, article, author="", comment="نص طويل كتبته بعناية")

    html = response.content.decode()
    assert response.status_code == 400
    assert "هذا الحقل مطلوب." in html.split('id="id_author"')[1].split("</div>")[0]
    assert "نص طويل كتبته بعناية</textarea>" in html
    assert 'value="layla@example.com"' in html
    assert Comment.objects.count() == 0


def test_a_bad_email_and_website_are_explained_in_arabic(reader):
    article = make_article()

    response = post_comment(reader, article, email="ليس بريداً", url="javascript:alert(1)")

    html = response.content.decode()
    assert response.status_code == 400
    assert "أدخِل عنوان بريد إلكتروني صحيح." in html
    assert "أدخِل رابطًا صحيحًا." in html
    assert "تحليل ممتاز، أتفق مع ما جاء في المقال.</textarea>" in html


def test_a_comment_on_a_missing_or_unpublished_article_is_404(reader):
    draft = make_article(published=False)

    assert post_comment(reader, draft).status_code == 404


def test_only_post_is_accepted(reader):
    from django.urls import reverse

    article = make_article()

    assert reader.get(reverse("comments:post", args=[article.pk])).status_code == 405


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.text(max_size=300),
    name=st.text(max_size=100),
    email=st.text(max_size=60),
    url=st.text(max_size=60),
    parent=st.text(max_size=8),
)
def test_no_input_makes_the_server_fail(reader, body, name, email, url, parent):
    article = make_article()

    response = post_comment(
        reader, article, comment=body, author=name, email=email, url=url, parent=parent
    )

    assert response.status_code in {302, 400, 409, 429}
