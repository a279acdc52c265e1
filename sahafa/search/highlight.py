"""Snippets from the ORIGINAL text with the matched words in <mark>.

Matching runs on analyzed terms (``analyze_with_spans``), so «الأمريكية» is marked for the
query «الامريكيه»; Latin runs are isolated in <bdi> and everything else is escaped.
"""

from sahafa.arabic import analyze, analyze_with_spans, excerpt
from sahafa.articles.bidi import isolated_html

SNIPPET_CHARS = 220
# Words of context kept before the first match when a paragraph is cut.
LEADING_CONTEXT_CHARS = 60
_ELLIPSIS = "…"


def highlight(text, terms):
    """``text`` escaped, with each word whose term is in ``terms`` wrapped in <mark> and
    each Latin run in <bdi>."""
    marks = [(start, end) for start, end, term in analyze_with_spans(text) if term in terms]
    return isolated_html(text, marks)


def best_passage(text, terms, max_chars=SNIPPET_CHARS):
    """The paragraph of ``text`` with the most matched terms, cut to about ``max_chars``
    around its first match (plain text)."""
    paragraphs = [line for line in text.splitlines() if line.strip()]
    if not paragraphs:
        return ""
    best = max(paragraphs, key=lambda paragraph: len(terms.intersection(analyze(paragraph))))
    first = next((start for start, _end, term in analyze_with_spans(best) if term in terms), 0)
    if first > LEADING_CONTEXT_CHARS:
        cut = best.find(" ", first - LEADING_CONTEXT_CHARS)
        if 0 <= cut < first:
            best = _ELLIPSIS + " " + best[cut + 1 :]
    return excerpt(best, max_chars)


def snippet(article, terms):
    """(plain passage, highlighted passage) from the standfirst and body of ``article``."""
    text = "\n".join(part for part in (article.standfirst, article.body_text) if part)
    passage = best_passage(text, terms)
    return passage, highlight(passage, terms)
