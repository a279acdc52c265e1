"""Snippets from the ORIGINAL text with the matched words in <mark>.

Matching runs on analyzed terms (``analyze_with_spans``), so «الأمريكية» is marked for the
query «الامريكيه»; Latin runs are isolated in <bdi> and everything else is escaped.
"""

from sahafa.arabic import analyze, analyze_with_spans, excerpt, normalize
from sahafa.articles.bidi import isolated_html

SNIPPET_CHARS = 220
# Words of context kept before the first match when a paragraph is cut.
LEADING_CONTEXT_CHARS = 60
_ELLIPSIS = "…"
MATCH_WINDOW_CHARS = 500


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
    best = _most_matched(paragraphs, terms) if len(paragraphs) > 1 else paragraphs[0]
    first = _first_match(best, terms)
    if first > LEADING_CONTEXT_CHARS:
        cut = best.find(" ", first - LEADING_CONTEXT_CHARS)
        if 0 <= cut < first:
            best = _ELLIPSIS + " " + best[cut + 1 :]
    return excerpt(best, max_chars)


def _most_matched(paragraphs, terms):
    """The first of the paragraphs holding the most of ``terms``, analyzing few of them.

    A term is its word with affixes stripped, so a paragraph holds it only if its
    normalized text contains it: that count (cheap) bounds the true one (a full analysis,
    ~1 ms for a long paragraph), and paragraphs are analyzed in the order of their bound
    until no bound can beat the best found.
    """
    bounds = []
    for index, paragraph in enumerate(paragraphs):
        folded = normalize(paragraph)
        bounds.append((-sum(term in folded for term in terms), index))
    bounds.sort()
    best, best_count = 0, -1
    for negative_bound, index in bounds:
        if -negative_bound < best_count or (-negative_bound == best_count and index > best):
            break
        count = len(terms.intersection(analyze(paragraphs[index])))
        if count > best_count or (count == best_count and index < best):
            best, best_count = index, count
    return paragraphs[best]


def _first_match(paragraph, terms):
    """Where the first word of ``paragraph`` whose term is in ``terms`` starts (0 if none)."""
    return next((start for start, _end, _term in matched_spans(paragraph, terms)), 0)


def matched_spans(text, terms):
    """``(start, end, term)`` for each word of ``text`` whose term is in ``terms``, in order,
    lazily.

    Analyzed a window at a time, cut at spaces (no word spans one), and only the windows
    whose normalized text contains one of the terms (a term is its word with affixes
    stripped): many stories are one paragraph of thousands of characters, and callers
    usually want only the first match.
    """
    offset = 0
    while offset < len(text):
        end = text.find(" ", offset + MATCH_WINDOW_CHARS)
        end = len(text) if end < 0 else end
        window = text[offset:end]
        folded = normalize(window)
        if any(term in folded for term in terms):
            for start, stop, term in analyze_with_spans(window):
                if term in terms:
                    yield offset + start, offset + stop, term
        offset = end


def snippet(article, terms):
    """(plain passage, highlighted passage) from the standfirst and body of ``article``."""
    text = "\n".join(part for part in (article.standfirst, article.body_text) if part)
    passage = best_passage(text, terms)
    return passage, highlight(passage, terms)
