"""The byline reads as Arabic is written: the conjunction «و» attaches to the name after
it («أحمد وعمر»), and the names before it are separated by the Arabic comma."""

import re

import pytest

from tests.factories import make_article, make_author


def byline_text(reader, article):
    html = reader.get(article.get_absolute_url()).content.decode()
    byline = html.split('class="byline-authors">', 1)[1].split("</p>", 1)[0]
    return re.sub(r"<[^>]+>", "", byline)


@pytest.mark.parametrize(
    ("names", "byline"),
    [
        (["أحمد"], "بقلم أحمد"),
        (["أحمد", "عمر"], "بقلم أحمد وعمر"),
        (["أحمد", "سارة", "عمر"], "بقلم أحمد، سارة وعمر"),
    ],
)
def test_the_byline_joins_its_authors_the_arabic_way(reader, names, byline):
    article = make_article(authors=[make_author(name) for name in names])

    assert byline_text(reader, article) == byline


def test_each_name_in_the_byline_links_to_its_author(reader):
    ahmad, omar = make_author("أحمد"), make_author("Omar <b>Khaled</b>")
    article = make_article(authors=[ahmad, omar])

    html = reader.get(article.get_absolute_url()).content.decode()

    assert f'<a href="{ahmad.get_absolute_url()}" rel="author"><bdi>أحمد</bdi></a>' in html
    assert "Omar &lt;b&gt;Khaled&lt;/b&gt;</bdi></a>" in html
