"""Every reader page has the same bones: Arabic right to left, landmarks with Arabic names,
one h1, a skip link, images described or marked decorative, and CSS that follows the
writing direction instead of naming left and right."""

import re
from itertools import pairwise
from pathlib import Path

import pytest
from django.utils import timezone

import sahafa
from tests.factories import make_article, make_author, make_section

from .test_article_page import jpeg

SITE_CSS = Path(sahafa.__file__).parent / "static" / "sahafa" / "site.css"


@pytest.fixture
def newspaper(db):
    politics = make_section("سياسة", slug="politics")
    author = make_author("ليلى حداد")
    pictured = make_article(
        "صورة الخبر الأول", section=politics, authors=[author], tags=["الانتخابات"],
        lead_image=jpeg(), lead_image_caption="الناخبون أمام مركز الاقتراع",
    )  # fmt: skip
    plain = make_article("خبر بلا صورة", section=politics, lead_image=jpeg("b.jpg"))
    return {
        "home": "/",
        "section": politics.get_absolute_url(),
        "tag": pictured.tags.get().get_absolute_url(),
        "author": author.get_absolute_url(),
        "article": pictured.get_absolute_url(),
        "article without caption": plain.get_absolute_url(),
        "archive": f"/{timezone.localdate(pictured.published_at):%Y/%m/%d}/",
    }


@pytest.mark.parametrize(
    "page", ["home", "section", "tag", "author", "article", "article without caption", "archive"]
)
def test_every_page_has_arabic_landmarks_and_one_h1(reader, newspaper, page):
    html = reader.get(newspaper[page]).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">انتقل إلى المحتوى</a>' in html
    assert '<header class="masthead">' in html and '<main id="main"' in html
    assert '<footer class="site-footer">' in html
    assert '<nav class="sections-nav" aria-label="الأقسام">' in html
    headings = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert all(later - earlier <= 1 for earlier, later in pairwise(headings))
    for image in re.findall(r"<img [^>]*>", html):
        assert re.search(r'\balt="[^"]*"', image), image


def test_pictures_on_cards_are_decorative_and_the_article_picture_is_described(reader, newspaper):
    home = reader.get(newspaper["home"]).content.decode()
    article = reader.get(newspaper["article"]).content.decode()
    plain = reader.get(newspaper["article without caption"]).content.decode()

    assert 'class="lead-image" src=' in home and 'alt=""' in home
    assert 'alt="الناخبون أمام مركز الاقتراع"' in article
    assert 'alt="خبر بلا صورة"' in plain


def test_the_css_follows_the_writing_direction():
    css = SITE_CSS.read_text()
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)

    assert not re.search(r"\b(left|right)\b", rules)
    assert ":focus-visible" in rules
    assert "@font-face" not in rules and "url(" not in rules
    assert '"Noto Naskh Arabic"' in rules and '"Noto Kufi Arabic"' in rules
