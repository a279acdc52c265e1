"""An Arabic article body names things in Latin letters: «OPEC+»، «iPhone 15 Pro»،
«COVID-19», an address quoted in the text. A paragraph is right to left whatever its first
letter, so each such run is isolated (`<bdi>`), or the browser orders the punctuation
beside it by the wrong direction: «OPEC+ تبحث…» would show its «+» before «OPEC». The
sanitizer stores the body that way, so a reader's page does nothing more per request."""

import re
from html.parser import HTMLParser
from io import StringIO

import nh3
import pytest
from django.core.management import call_command
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sahafa.articles.bidi import isolate_in_html
from sahafa.articles.models import Article
from sahafa.articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_body
from tests.factories import make_article
from tests.pagecache.wsgi_client import fetch

OPEC_PARAGRAPH = "OPEC+ تبحث خفض الإنتاج في اجتماع فيينا، وفق Reuters."


class _Reading(HTMLParser):
    """A body's text as a browser reads it, and the Latin letters left outside any isolate
    (a `<bdi>`, or an element set left to right)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.loose_latin = []
        self.isolating = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "hr"}:
            return
        inside = bool(self.isolating and self.isolating[-1])
        self.isolating.append(inside or tag in {"bdi", "code"} or ("dir", "ltr") in attrs)

    def handle_endtag(self, tag):
        if tag not in {"br", "img", "hr"}:
            self.isolating.pop()

    def handle_data(self, data):
        self.text.append(data)
        if not (self.isolating and self.isolating[-1]):
            self.loose_latin.extend(c for c in data if c.isascii() and c.isalpha())


def reading(html):
    parser = _Reading()
    parser.feed(html)
    parser.close()
    return "".join(parser.text), parser.loose_latin


def test_a_paragraph_that_starts_with_a_latin_name_keeps_it_isolated():
    assert sanitize_body(f"<p>{OPEC_PARAGRAPH}</p>") == (
        "<p><bdi>OPEC+</bdi> تبحث خفض الإنتاج في اجتماع فيينا، وفق <bdi>Reuters</bdi>.</p>"
    )


def test_names_with_digits_and_addresses_are_one_run_each():
    body = sanitize_body(
        "<ul><li>أطلقت Apple هاتف iPhone 15 Pro.</li><li>إصابات COVID-19 تتراجع.</li></ul>"
        "<p>التفاصيل على https://opec.org/press?id=7 اليوم.</p>"
    )

    assert "هاتف <bdi>iPhone 15 Pro</bdi>." in body
    assert "إصابات <bdi>COVID-19</bdi> تتراجع" in body
    assert "على <bdi>https://opec.org/press?id=7</bdi> اليوم" in body


def test_attributes_links_figures_and_existing_isolates_are_left_as_they_are():
    body = sanitize_body(
        '<p>قال <abbr title="Organization of the Petroleum Exporting Countries">OPEC</abbr>'
        ' في <a href="https://opec.org/a?b=1&amp;c=2" title="OPEC site">بيان OPEC</a>'
        " إن <bdi>Saudi Aramco</bdi> مستعدة.</p>"
        '<p dir="ltr">An English quote stays left to right.</p>'
        '<figure><img src="/media/articles/vienna.jpg" alt="Vienna HQ">'
        "<figcaption>مقر OPEC في فيينا</figcaption></figure>"
    )

    assert body == (
        '<p>قال <abbr title="Organization of the Petroleum Exporting Countries"><bdi>OPEC</bdi>'
        '</abbr> في <a href="https://opec.org/a?b=1&amp;c=2" title="OPEC site"'
        ' rel="noopener noreferrer">بيان <bdi>OPEC</bdi></a> إن <bdi>Saudi Aramco</bdi>'
        ' مستعدة.</p><p dir="ltr">An English quote stays left to right.</p>'
        '<figure><img src="/media/articles/vienna.jpg" alt="Vienna HQ">'
        "<figcaption>مقر <bdi>OPEC</bdi> في فيينا</figcaption></figure>"
    )


# Bodies as the newsroom's editor, an importer or a paste might send them: block and
# inline elements with attributes, existing isolates, and text mixing both scripts with
# the punctuation, digits, entities and spaces that sit around Latin names.
TEXT = st.lists(
    st.one_of(
        st.text(alphabet="OPECiPhonexyzقالتبحثفيينا 0123456789+#-.,:/?&<>\"'«»،؛\xa0\u200f"),
        st.sampled_from(["OPEC+ ", "COVID-19", "https://opec.org/?a=1&b=2.", "www.opec.org/س"]),
    ),
    max_size=4,
).map("".join)
PLAIN_TAGS = ["p", "li", "td", "th", "blockquote", "figcaption", "h2", "h3", "h4", "strong", "em"]


def _element(children):
    opening = st.one_of(
        st.sampled_from(PLAIN_TAGS).map(lambda tag: (f"<{tag}>", tag)),
        st.just(('<a href="https://opec.org/?a=1&amp;b=OPEC+" title="OPEC+ x">', "a")),
        st.just(('<abbr title="iPhone 15 > iPhone <14>">', "abbr")),
        st.just(('<span dir="ltr">', "span")),
        st.just(('<p dir="rtl">', "p")),
    )
    return st.tuples(opening, st.lists(children, max_size=4)).map(
        lambda parts: parts[0][0] + "".join(parts[1]) + f"</{parts[0][1]}>"
    )


VOID = st.sampled_from(["<br>", '<img src="/media/a.jpg" alt="OPEC+ Vienna">', "<hr>"])
BODY = st.lists(st.recursive(st.one_of(TEXT, VOID), _element, max_leaves=12), max_size=5).map(
    "".join
)
WITH_ISOLATES = st.lists(
    st.one_of(BODY, TEXT.map(lambda text: f"<bdi>{text}</bdi>")), max_size=4
).map("".join)


def _as_nh3_cleans(html):
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES)


@settings(max_examples=300, deadline=None)
@given(BODY)
def test_the_rewrite_only_adds_isolates_and_changes_no_text(raw):
    cleaned = _as_nh3_cleans(raw)
    # nh3 itself is not idempotent on some nestings («<h2><h2></h2></h2>» parses again as
    # two headings): the claim is about bodies the sanitizer leaves as they are.
    assume(_as_nh3_cleans(cleaned) == cleaned)
    rewritten = isolate_in_html(cleaned)

    # Tags, attributes and escaping are kept byte for byte: only <bdi> and </bdi> are new.
    assert rewritten.replace("<bdi>", "").replace("</bdi>", "") == cleaned
    assert reading(rewritten)[0] == reading(cleaned)[0]
    # Every Latin letter of the text is isolated, and nothing is wrapped twice.
    assert reading(rewritten)[1] == []
    assert isolate_in_html(rewritten) == rewritten
    # What it writes passes the sanitizer's allow-lists unchanged.
    assert _as_nh3_cleans(rewritten) == rewritten


@settings(max_examples=300, deadline=None)
@given(WITH_ISOLATES)
def test_sanitizing_a_sanitized_body_changes_nothing(raw):
    body = sanitize_body(raw)

    assert sanitize_body(body) == body
    assert reading(body)[0] == reading(_as_nh3_cleans(raw).strip())[0]
    assert reading(body)[1] == []


@pytest.mark.django_db
def test_a_reader_sees_the_body_right_to_left_with_the_latin_name_isolated(reader):
    article = make_article(
        body=f"<p>{OPEC_PARAGRAPH}</p>"
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">'
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>"
    )

    page = reader.get(article.get_absolute_url())

    html = page.content.decode()
    assert '<div class="article-body" dir="rtl">' in html
    assert "<p><bdi>OPEC+</bdi> تبحث خفض الإنتاج" in html
    # A paragraph that is only a link to a post is still shown as a click-to-load embed.
    assert 'data-embed-provider="youtube"' in html


@pytest.mark.django_db
def test_bodies_stored_before_the_rule_are_rewritten_by_resanitize():
    article = make_article(body="<p>اجتماع فيينا.</p>")
    Article.objects.filter(pk=article.pk).update(body=f"<p>{OPEC_PARAGRAPH}</p>")
    stored_before = Article.objects.get(pk=article.pk)
    # A reader's visit stores the page (in front of Django, as the server runs it).
    assert "<bdi>OPEC+</bdi>" not in fetch(article.get_absolute_url()).body.decode()

    out = StringIO()
    call_command("resanitize", stdout=out)

    after = Article.objects.get(pk=article.pk)
    assert after.body == sanitize_body(f"<p>{OPEC_PARAGRAPH}</p>")
    assert after.updated_at == stored_before.updated_at
    # The page is forgotten: the next reader gets the rewritten body.
    assert "<p><bdi>OPEC+</bdi> تبحث" in fetch(article.get_absolute_url()).body.decode()
    # «rewritten of read»: the other bodies were already in the stored form.
    articles_line = out.getvalue().splitlines()[0]
    assert re.findall(r"\d+", articles_line) == ["1", str(Article.objects.count())]
    call_command("resanitize", stdout=(again := StringIO()))
    assert re.findall(r"\d+", again.getvalue())[0] == "0"
