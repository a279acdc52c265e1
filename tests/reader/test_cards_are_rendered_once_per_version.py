"""A card is the same for every reader until what it shows changes: each server process
renders it once, and shows the change at once when an editor makes one (two processes:
tests/deploy/test_two_server_processes_share_one_cache.py)."""

import pytest
from django.test.signals import template_rendered

from sahafa.comments import workflow as moderation
from sahafa.comments.models import Comment
from tests.factories import make_article, make_comment, make_section, make_tag


@pytest.fixture
def card_renders():
    rendered = []

    def count(sender, template, **kwargs):
        if template.name == "articles/_card.html":
            rendered.append(template)

    template_rendered.connect(count)
    yield rendered
    template_rendered.disconnect(count)


def test_the_front_page_renders_its_cards_once_until_an_editor_changes_one(client, card_renders):
    sports = make_section("رياضة", slug="sport")
    stories = [make_article(f"الهلال يفوز في الجولة {n}", section=sports) for n in range(5)]

    client.get("/")
    first = len(card_renders)
    client.get("/")
    again = len(card_renders) - first

    stories[0].headline = "الهلال يتوج بالدوري بعد فوزه في الجولة الأخيرة"
    stories[0].save()
    page = client.get("/").content.decode()

    assert first >= 4
    assert again == 0
    assert "الهلال يتوج بالدوري بعد فوزه في الجولة الأخيرة" in page
    assert "الهلال يفوز في الجولة 0" not in page


def test_a_comment_count_on_a_card_follows_the_moderators_decision(client):
    story = make_article("وزارة التعليم تعلن مواعيد الاختبارات")
    make_article("خبر أحدث يتصدر الصفحة الأولى", section=story.section)
    held = make_comment(story, status=Comment.Status.PENDING)
    listing = story.section.get_absolute_url()
    assert "card-comments" not in client.get(listing).content.decode()

    moderation.approve(held, by=None)

    assert "card-comments" in client.get(listing).content.decode()


@pytest.fixture
def article_part_renders():
    rendered = []

    def count(sender, template, **kwargs):
        if template.name.startswith("articles/_article_"):
            rendered.append(template.name)

    template_rendered.connect(count)
    yield rendered
    template_rendered.disconnect(count)


def test_an_article_page_renders_its_parts_once_until_a_tag_is_added(client, article_part_renders):
    story = make_article("أرامكو تعلن نتائج الربع الثالث", tags=["اقتصاد"])
    path = story.get_absolute_url()

    client.get(path)
    first = set(article_part_renders)
    article_part_renders.clear()
    client.get(path)
    again = list(article_part_renders)
    story.tags.add(make_tag("نفط"))
    page = client.get(path).content.decode()

    assert first >= {"articles/_article_header.html", "articles/_article_tags.html"}
    assert again == []
    assert 'rel="tag">نفط</a>' in page
    assert '<meta property="article:tag" content="نفط">' in page
    assert '"keywords": ["اقتصاد", "نفط"]' in page
