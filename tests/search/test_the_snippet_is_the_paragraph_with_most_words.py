"""A result's snippet is the paragraph that holds the most of the reader's words (the first
such paragraph when several tie), cut just before the first of them, however long the
article is: the same passage as analyzing every word of the article, for less work."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sahafa.arabic import analyze, analyze_with_spans, excerpt
from sahafa.search.highlight import LEADING_CONTEXT_CHARS, best_passage
from tests.factories import make_article

# Words whose stems hide inside other words («روس» in «دروس», «نفط» in «النفطية»), so that
# a paragraph can seem to hold a word it does not.
WORDS = ["روسيا", "دروس", "النفط", "النفطية", "وزير", "الوزراء", "تعلن", "السعودية", "سعود", "قمة"]
# Words no query here holds: long runs of them put the first match far into a paragraph.
FILLER = ["مدينة", "كبيرة", "الطلاب", "جامعة", "المستشفى", "OPEC+"]
MAX_CHARS = 220


def every_word_analyzed(text, terms):
    """The passage as found by analyzing every word of every paragraph."""
    paragraphs = [line for line in text.splitlines() if line.strip()]
    best = max(paragraphs, key=lambda paragraph: len(terms.intersection(analyze(paragraph))))
    first = next((start for start, _end, term in analyze_with_spans(best) if term in terms), 0)
    if first > LEADING_CONTEXT_CHARS:
        cut = best.find(" ", first - LEADING_CONTEXT_CHARS)
        if 0 <= cut < first:
            best = "… " + best[cut + 1 :]
    return excerpt(best, MAX_CHARS)


def paragraphs_of(words, most):
    return st.lists(
        st.lists(st.sampled_from(words), min_size=1, max_size=most).map(" ".join),
        min_size=1,
        max_size=6,
    ).map("\n".join)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    text=st.one_of(
        paragraphs_of(WORDS, 8),
        st.tuples(
            st.lists(st.sampled_from(FILLER), min_size=80, max_size=300).map(" ".join),
            paragraphs_of(WORDS, 20),
        ).map(" ".join),
    ),
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
)
def test_the_passage_is_the_one_every_word_analyzed_would_give(text, query):
    terms = set(analyze(query))

    assert best_passage(text, terms, MAX_CHARS) == every_word_analyzed(text, terms)


def test_a_reader_sees_the_paragraph_that_speaks_of_russia(reader, db):
    make_article(
        headline="وزير التعليم يفتتح العام الدراسي",
        body="<p>دروس ودروس ودروس في كل المدارس.</p><p>وقال الوزير إن روسيا ستستقبل طلاباً.</p>",
    )

    page = reader.get("/search/", {"q": "روسيا الوزير"}).content.decode()

    assert "وقال <mark>الوزير</mark> إن <mark>روسيا</mark> ستستقبل" in page
    assert "دروس ودروس" not in page
