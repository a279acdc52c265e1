"""On the article page: «شاهد أيضاً» with one story (headline and a short excerpt), then
«اقرأ أيضاً» with four more, for no more queries than a page without them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import hours_ago, publish_story
from .stories import CUP_CELEBRATION, CUP_FINAL, CUP_FOLLOW_UPS


def page(reader, article):
    return reader.get(article.get_absolute_url())


def test_the_box_shows_the_headline_and_an_excerpt_cut_at_a_word(reader, sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(4))
    celebration = publish_story(CUP_CELEBRATION, section=sports)

    response = page(reader, final)

    box = response.content.decode().split('class="see-also"', 1)[1].split("</aside>", 1)[0]
    assert "شاهد أيضاً" in box
    assert celebration.headline in box
    assert celebration.get_absolute_url() in box
    excerpt = box.split('class="see-also-excerpt">', 1)[1].split("</span>", 1)[0]
    assert excerpt.endswith("…")
    assert 60 <= len(excerpt) <= 121
    cut_before = excerpt.removesuffix("…").rstrip()
    assert celebration.body_text.startswith(cut_before)
    assert celebration.body_text[len(cut_before)] in " ،."


def test_read_also_lists_four_more_stories(reader, sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(10))
    others = [publish_story(CUP_CELEBRATION, section=sports, published_at=hours_ago(9))]
    others += [
        publish_story(story, section=sports, published_at=hours_ago(8 - number))
        for number, story in enumerate(CUP_FOLLOW_UPS)
    ]

    html = page(reader, final).content.decode()

    read_also = html.split('class="read-also"', 1)[1].split("</nav>", 1)[0]
    assert "اقرأ أيضاً" in read_also
    listed = [story for story in others if story.headline in read_also]
    assert len(listed) == 4
    see_also = html.split('class="see-also"', 1)[1].split("</aside>", 1)[0]
    assert [story for story in others if story.headline in see_also] == [
        story for story in others if story not in listed
    ]


def queries_for_page(reader, article):
    page(reader, article)  # Warm the caches the site keeps between requests.
    with CaptureQueriesContext(connection) as queries:
        html = page(reader, article).content.decode()
    return len(queries), html


def test_related_stories_cost_the_page_no_more_queries_than_the_fallback(
    reader, sports, background
):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(10))
    alone, html = queries_for_page(reader, final)
    assert 'class="read-also"' not in html

    for number, story in enumerate([CUP_CELEBRATION, *CUP_FOLLOW_UPS]):
        publish_story(story, section=sports, published_at=hours_ago(9 - number))
    with_five_related, html = queries_for_page(reader, final)

    assert html.count('class="see-also-link"') == 1
    assert html.split('class="read-also"', 1)[1].split("</nav>", 1)[0].count("<li>") == 4
    assert with_five_related <= alone


def test_a_page_without_related_stories_has_no_read_also(reader, background):
    html = page(reader, background[0]).content.decode()

    # «شاهد أيضاً» falls back to the newest story (test_every_article_has_a_see_also.py).
    assert html.count('class="see-also-link"') == 1
    assert 'class="read-also"' not in html
