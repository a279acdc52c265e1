"""The search itself: a parsed query, the public filter, a backend, ranking and pages."""

import math
import time
from dataclasses import dataclass, field

from django.utils import timezone

from sahafa.arabic import stem, tokenize
from sahafa.articles.models import Article

from . import answers
from .backends import current_backend
from .query import ParsedQuery, parse_query
from .suggestions import suggest

PER_PAGE = 10
# The best RERANK_DEPTH matches are reordered by how the headline holds the reader's words:
# as typed, close together (in any order), and making up much of it (docs/search.md).
RERANK_DEPTH = 30
EXACT_WORDS_BOOST = 1.0
CLOSE_WORDS_BOOST = 1.0
HEADLINE_SHARE_BOOST = 0.5
# With fewer all-terms matches than this, any-term matching is tried (and the page says so).
# Any-term queries over frequent words are the slowest the index answers, so only an empty
# all-terms result falls back.
FALLBACK_BELOW = 1


@dataclass
class SearchResults:
    text: str
    query: ParsedQuery
    articles: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    matched_any_term: bool = False
    suggestion: str = ""
    took_ms: float = 0.0

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def previous_page_number(self):
        return self.page - 1

    @property
    def next_page_number(self):
        return self.page + 1


def search(text, *, section=None, date_from=None, date_to=None, page=1, per_page=PER_PAGE):
    """Published articles matching ``text``, best first; ``date_from``/``date_to`` are aware
    datetimes (from inclusive, to exclusive), ``page`` counts from 1 and is clamped."""
    started = time.perf_counter()
    query = parse_query(text)
    results = SearchResults(text=text, query=query, per_page=per_page)
    if query:
        now = timezone.now()
        # None: every public article, which lets the backend bound its ranking.
        visible = None
        if section is not None or date_from is not None or date_to is not None:
            visible = Article.objects.published(now).order_by()
        if section is not None:
            visible = visible.in_section(section)
        if date_from is not None:
            visible = visible.filter(published_at__gte=date_from)
        if date_to is not None:
            visible = visible.filter(published_at__lt=date_to)
        # What the answer depends on besides the index and the clock, as plain values.
        key = (text, getattr(section, "pk", None), str(date_from), str(date_to), per_page)
        _fill(results, current_backend(), visible, now, page, key)
    results.took_ms = (time.perf_counter() - started) * 1000
    return results


def _fill(results, backend, visible, now, page, key):
    query, per_page = results.query, results.per_page
    ids, total, matched_any_term, suggestion = answers.remembered(
        (*key, "first"), now, lambda: _first_answer(results.text, query, backend, visible, now)
    )
    results.total, results.matched_any_term = total, matched_any_term
    results.suggestion = suggestion
    # A page past the last one shows the last.
    results.page = min(max(1, page), results.num_pages)
    offset = (results.page - 1) * per_page
    # The first pages are cut from one reranked list, so they agree with each other.
    if offset + per_page <= RERANK_DEPTH:
        ids = ids[offset : offset + per_page]
    else:

        def later_page():
            scored, _total = backend.ranked(
                query, match_all=not matched_any_term, visible=visible, now=now,
                limit=per_page, offset=offset,
            )  # fmt: skip
            return [pk for pk, _score in scored]

        ids = answers.remembered((*key, results.page), now, later_page)
    # Read now, through the public filter: an answer kept from a moment ago never shows an
    # article unpublished since. Not `for_cards()`: a result shows no comment count, and
    # counting them (a subquery per article) and sorting took 0.7 of 1.7 ms for ten.
    by_id = Article.objects.published(now).select_related("section").order_by().in_bulk(ids)
    results.articles = [by_id[pk] for pk in ids if pk in by_id]


def _first_answer(text, query, backend, visible, now):
    """(the best RERANK_DEPTH ids reranked, the number of matches, whether it fell back to
    any term, «هل تقصد»)."""

    def ranked(match_all):
        return backend.ranked(
            query, match_all=match_all, visible=visible, now=now, limit=RERANK_DEPTH, offset=0
        )

    scored, total = ranked(True)
    matched_any_term = False
    if total < FALLBACK_BELOW and len(query.required) > 1:
        any_scored, any_total = ranked(False)
        if any_total > total:
            scored, total, matched_any_term = any_scored, any_total, True
    suggestion = suggest(text) if total == 0 or matched_any_term else ""
    return _rerank_by_headline(scored, query), total, matched_any_term, suggestion


def _rerank_by_headline(scored, query):
    """Ids reordered by score × three signals from the headline, which carries the words a
    reader remembers: the share of the query's words it has as typed (stemming lets
    «السعودية» match «سعودي»; the reader's own word is the better sign), little words too,
    which the index leaves out but a reader remembers («ما سيكون عليه»), how close together
    it has the query's words in any order (a half-remembered headline is a run of its
    words, shuffled), and the share of its own terms the query names (of two near-twin
    headlines, the one the query covers better)."""
    words = query.words
    if not words or not scored:
        return [pk for pk, _score in scored]
    terms = {stem(word) for word in words}
    headlines = dict(
        Article.objects.filter(pk__in=[pk for pk, _ in scored]).values_list("pk", "headline")
    )

    def boosted(item):
        pk, score = item
        tokens = tokenize(headlines.get(pk, ""))
        stems = [stem(token) for token in tokens]
        exact_share = len(words.intersection(tokens)) / len(words)
        span = _shortest_span(stems, terms)
        closeness = len(terms) / span if span else 0.0
        headline_share = len(terms.intersection(stems)) / len(set(stems)) if stems else 0.0
        return (
            score
            * (1 + EXACT_WORDS_BOOST * exact_share)
            * (1 + CLOSE_WORDS_BOOST * closeness)
            * (1 + HEADLINE_SHARE_BOOST * headline_share)
        )

    return [pk for pk, _score in sorted(scored, key=boosted, reverse=True)]


def _shortest_span(sequence, wanted):
    """The length of the shortest run of ``sequence`` holding every item of ``wanted``, or
    None when it does not hold them all."""
    positions = [(index, item) for index, item in enumerate(sequence) if item in wanted]
    shortest = None
    for first, (start, _item) in enumerate(positions):
        seen = set()
        for end, item in positions[first:]:
            seen.add(item)
            if len(seen) == len(wanted):
                length = end - start + 1
                shortest = length if shortest is None else min(shortest, length)
                break
    return shortest
