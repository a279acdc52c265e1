"""Whatever the newsroom types — a headline, a tag, a caption, a bio — reaches readers as
text: no stored script, not even inside the page's JSON-LD."""

import json
import re

from tests.factories import make_article, make_author, make_section, make_tag

from .test_article_page import jpeg

PAYLOAD = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'


def test_every_field_a_reader_sees_is_escaped(reader):
    section = make_section("سياسة" + PAYLOAD, slug="politics", description=PAYLOAD)
    author = make_author("ليلى" + PAYLOAD, bio=PAYLOAD)
    tag = make_tag("وسم" + PAYLOAD)
    article = make_article(
        "عنوان" + PAYLOAD,
        section=section,
        kicker=PAYLOAD,
        standfirst=PAYLOAD,
        dateline=PAYLOAD,
        authors=[author],
        tags=[tag],
        body=f"<p>نص</p>{PAYLOAD}<p onclick='alert(1)'>فقرة</p>",
        lead_image=jpeg(),
        lead_image_caption=PAYLOAD,
        lead_image_credit=PAYLOAD,
        is_breaking=True,
    )

    for url in (
        "/",
        article.get_absolute_url(),
        section.get_absolute_url(),
        tag.get_absolute_url(),
        author.get_absolute_url(),
    ):
        html = reader.get(url).content.decode()
        assert '<script>alert("x")' not in html, url
        assert "<img src=x" not in html, url
        assert "onclick=" not in html, url


def test_the_json_ld_blocks_stay_two_scripts_with_the_headline_as_data(reader):
    article = make_article("عنوان" + PAYLOAD)

    html = reader.get(article.get_absolute_url()).content.decode()

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    news_article, breadcrumbs = (json.loads(block) for block in blocks)
    assert news_article["headline"].startswith("عنوان</script>")
    assert breadcrumbs["itemListElement"][-1]["name"].startswith("عنوان</script>")
