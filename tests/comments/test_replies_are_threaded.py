"""Readers answer each other: replies sit under what they answer, at most three deep."""

import pytest

from sahafa.comments.models import Comment
from tests.comments.posting import post_comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def test_a_reply_appears_nested_under_its_parent(reader):
    article = make_article()
    first = make_comment(article, body="السؤال الأول")
    make_comment(article, body="تعليق مستقل")
    make_comment(article, body="الجواب", parent=first)

    html = reader.get(article.get_absolute_url()).content.decode()

    first_item = html.split(f'id="comment-{first.pk}"')[1]
    nested = first_item.split('<ol class="children">')[1].split("</ol>")[0]
    assert "الجواب" in nested
    assert "تعليق مستقل" not in nested


def test_the_reply_link_works_without_javascript(reader):
    article = make_article()
    first = make_comment(article, name="منى")

    html = reader.get(article.get_absolute_url()).content.decode()
    assert f'href="?replyto={first.pk}#respond"' in html
    assert ">رد</a>" in html

    replying = reader.get(f"{article.get_absolute_url()}?replyto={first.pk}").content.decode()
    assert "الرد على منى" in replying
    assert f'name="parent" value="{first.pk}"' in replying


def test_a_posted_reply_is_stored_under_its_parent(reader):
    article = make_article()
    first = make_comment(article)

    response = post_comment(reader, article, parent=str(first.pk), comment="أوافقك الرأي تماماً")

    assert response.status_code == 302
    reply = Comment.objects.get(body="أوافقك الرأي تماماً")
    assert (reply.parent, reply.depth) == (first, 2)


def test_replies_stop_at_the_third_level(reader):
    article = make_article()
    level1 = make_comment(article)
    level2 = make_comment(article, parent=level1)
    level3 = make_comment(article, parent=level2)

    html = reader.get(article.get_absolute_url()).content.decode()
    assert f"?replyto={level2.pk}#respond" in html
    assert f"?replyto={level3.pk}#respond" not in html

    # A hand-made reply to the third level joins that conversation, one level up.
    post_comment(reader, article, parent=str(level3.pk), comment="رد على المستوى الثالث")
    reply = Comment.objects.get(body="رد على المستوى الثالث")
    assert (reply.parent, reply.depth) == (level2, 3)


def test_replying_to_a_held_or_foreign_comment_is_refused_with_the_text_kept(reader):
    article = make_article()
    held = make_comment(article, status="pending")
    foreign = make_comment(make_article(headline="مقال آخر"))

    for parent in (held, foreign):
        response = post_comment(reader, article, parent=str(parent.pk), comment="ردي المكتوب")
        assert response.status_code == 400
        html = response.content.decode()
        assert "التعليق الذي تردّ عليه لم يعد متاحاً." in html
        assert "ردي المكتوب</textarea>" in html
    assert not Comment.objects.filter(body="ردي المكتوب").exists()
