"""Whatever a scraped record holds, its paragraphs reach the page as text inside <p>, never
as markup, and no words are lost on the way."""

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from sahafa.imports.importer import byline_name, record_fields

PARAGRAPH = st.text(alphabet="ابتثجحخدرزسشصضطظعغفقكلمنهويءأإآةى ،.؟!<>&\"'/=;:-0123456789")


@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=5), title=PARAGRAPH)
def test_content_becomes_escaped_paragraphs(paragraphs, title):
    record = {
        "url": "https://sabq.org/27Dgde",
        "title": f"خبر {title}",
        "date_extracted": "2015-08-06 18:35:21",
        "content": "\n".join(paragraphs) + "\nنهاية الخبر",
    }

    body = record_fields(record).body

    assert re.fullmatch(r"(<p>[^<>]*</p>)+", body)
    kept = [html.unescape(p) for p in re.findall(r"<p>([^<>]*)</p>", body)]
    expected = [html.unescape(p).strip() for p in [*paragraphs, "نهاية الخبر"]]
    assert kept == [p for p in expected if p]


@given(credit=st.text(alphabet="ابتثجحخدرزسشصضطظعغفقكلمنهوي -:–\xa0()«»", max_size=80))
def test_a_byline_is_tidy_and_short_or_absent(credit):
    name = byline_name(credit)

    assert name == name.strip(" \xa0:-–")
    assert len(name) <= 60
    assert "  " not in name
