"""A reader opens an article and finds the comment form as on the reference page."""

import pytest
from django.test import Client

from tests.comments.posting import post_comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def test_the_form_speaks_arabic_with_the_reference_strings(reader):
    article = make_article()

    html = reader.get(article.get_absolute_url()).content.decode()

    assert "اترك تعليقاً" in html
    assert "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *" in html
    assert 'value="إرسال التعليق"' in html
    for label in ("التعليق", "الاسم", "البريد الإلكتروني"):
        assert f'{label} <span class="required">*</span></label>' in html
    assert "الموقع الإلكتروني</label>" in html
    # The same bytes for every reader, so the page can be cached: no token, no cookie.
    assert 'name="csrfmiddlewaretoken"' not in html


def test_remember_me_is_off_by_default(reader):
    article = make_article()

    html = reader.get(article.get_absolute_url()).content.decode()

    assert '<input type="checkbox" name="remember" id="id_remember">' in html


def test_approved_comments_show_oldest_first_with_count_time_and_avatar(reader):
    article = make_article()
    make_comment(article, name="سلمى الأحمد", body="التعليق الأول")
    make_comment(article, name="خالد", body="التعليق الثاني")
    make_comment(article, name="مخفي", body="تعليق ينتظر", status="pending")

    html = reader.get(article.get_absolute_url()).content.decode()

    assert "تعليقان" in html
    assert html.index("التعليق الأول") < html.index("التعليق الثاني")
    assert "تعليق ينتظر" not in html
    assert 'class="comment-avatar avatar-hue-' in html
    assert ">سا</span>" in html  # initials of «سلمى الأحمد»


def test_times_read_relative_in_arabic_with_the_exact_time_in_a_tooltip(reader):
    from datetime import timedelta

    from django.utils import timezone

    article = make_article()
    make_comment(article, created_at=timezone.now() - timedelta(hours=2, minutes=5))

    html = reader.get(article.get_absolute_url()).content.decode()

    assert "منذ ساعتين</time>" in html
    assert 'title="' in html.split("منذ ساعتين</time>")[0].rsplit("<time", 1)[1]


@pytest.mark.parametrize(
    ("count", "heading"),
    [(1, "تعليق واحد"), (3, "3 تعليقات"), (11, "11 تعليقاً"), (100, "100 تعليق")],
)
def test_the_heading_counts_in_arabic_plural_forms(reader, count, heading):
    article = make_article()
    for _ in range(count):
        make_comment(article)

    html = reader.get(article.get_absolute_url()).content.decode()

    assert f'class="comments-title">{heading}</h2>' in html


def test_a_held_comment_shows_its_author_the_moderation_message(reader):
    article = make_article()

    response = post_comment(reader, article, comment="أول تعليق لي على الموقع")

    assert response.status_code == 302
    page = reader.get(response.headers["Location"]).content.decode()
    assert "تعليقك بانتظار المراجعة" in page
    assert "أول تعليق لي على الموقع" in page
    # Someone else, without the signed link, does not see it.
    other = Client().get(article.get_absolute_url()).content.decode()
    assert "أول تعليق لي على الموقع" not in other
    assert "تعليقك بانتظار المراجعة" not in other


def test_a_forged_held_link_shows_nothing(reader):
    article = make_article()
    held = make_comment(article, body="نص محجوز", status="pending")

    page = reader.get(f"{article.get_absolute_url()}?held={held.pk}").content.decode()

    assert "نص محجوز" not in page


def test_comment_text_is_escaped_not_run(reader):
    article = make_article()
    make_comment(
        article,
        name='<img src=x onerror="alert(1)">',
        body="<script>alert('x')</script>\nسطر ثان",
        url="https://example.com/?q=<b>",
    )

    html = reader.get(article.get_absolute_url()).content.decode()

    assert "<script>alert('x')</script>" not in html
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;<bdi>script</bdi>&gt;" in html  # escaped, its Latin word isolated
    assert "<br>سطر ثان" in html
