"""«هل تقصد: …»: a correction of the query from the index vocabulary.

A query word whose term no indexed article contains is replaced by the best vocabulary term
one edit away — one edit in the word as typed (a wrong, missing, extra or swapped letter), or
in its stem — written as the best-ranked article containing it writes it. "Best" is the
number of articles holding the term, times ``LIKELY_SLIP_WEIGHT`` when the edit is a likely
slip (a dot twin or a neighbouring key, `sahafa.arabic.spelling`), and an edit of the word
as typed beats the same edit found only through its stem.

The work per query is bounded before any database call: the query is cut at the search's own
length cap, at most ``MAX_WORDS`` words are looked at and at most ``MAX_CORRECTIONS`` unknown
words are corrected. Whatever the query, that is one query for the known words, one ``IN``
query for every candidate, and one ranked lookup per corrected word.
"""

from django.utils import timezone

from sahafa.arabic import STOPWORDS, normalize, stem, tokenize
from sahafa.arabic.spelling import one_edit_away
from sahafa.articles.models import Article

from . import answers
from .backends import current_backend
from .highlight import matched_spans
from .models import SearchTerm
from .query import MAX_CLAUSES, MAX_QUERY_CHARS, ParsedQuery

MAX_WORDS = MAX_CLAUSES
MAX_CORRECTIONS = 3
LIKELY_SLIP_WEIGHT = 10
# Edits of very long words are many and never the typo a reader made.
_MAX_WORD_LENGTH = 20
_MIN_WORD_LENGTH = 3


def suggest(text):
    """The query with its unknown words corrected, or "" when there is nothing to offer."""
    words = text[:MAX_QUERY_CHARS].split()[:MAX_WORDS]
    tokens_by_word = [tokenize(word) for word in words]
    terms = {stem(token) for tokens in tokens_by_word for token in tokens}
    known = set(
        SearchTerm.objects.filter(term__in=terms, documents__gt=0).values_list("term", flat=True)
    )
    unknown = [
        index
        for index, tokens in enumerate(tokens_by_word)
        if len(tokens) == 1
        and tokens[0] not in STOPWORDS
        and stem(tokens[0]) not in known
        and _MIN_WORD_LENGTH <= len(tokens[0]) <= _MAX_WORD_LENGTH
    ][:MAX_CORRECTIONS]
    if not unknown:
        return ""
    candidates = {index: _candidates(tokens_by_word[index][0]) for index in unknown}
    documents = dict(
        SearchTerm.objects.filter(
            term__in={term for found in candidates.values() for term in found}, documents__gt=0
        ).values_list("term", "documents")
    )
    corrected = list(words)
    for index, found in candidates.items():
        scored = [
            (documents[term] * weight, term)
            for term, (weight, _word) in found.items()
            if term in documents
        ]
        if scored:
            # Most likely first; ties go to the alphabetically first term, for stable output.
            _score, term = min(scored, key=lambda pair: (-pair[0], pair[1]))
            corrected[index] = _written_form(term, found[term][1])
    return " ".join(corrected) if corrected != words else ""


def _candidates(token):
    """Each candidate term with its weight and the word to prefer when showing it."""
    found = {}

    def offer(term, weight, word):
        if weight > found.get(term, (0, ""))[0]:
            found[term] = (weight, word)

    for word, likely in one_edit_away(token).items():
        if word not in STOPWORDS:
            # A word as typed counts a little over the same edit reached through the stem.
            offer(stem(word), (LIKELY_SLIP_WEIGHT if likely else 1) * 1.5, word)
    for term, likely in one_edit_away(stem(token)).items():
        offer(term, LIKELY_SLIP_WEIGHT if likely else 1, term)
    return found


def _best(term, now):
    """[the id of the best-ranked public article holding ``term``], or []: for a frequent
    term a full ranking, so it is kept like a search's answer (answers.py)."""
    scored, _total = current_backend().ranked(
        ParsedQuery(required=(((term,),),)),
        match_all=True,
        visible=None,
        now=now,
        limit=1,
        offset=0,
    )
    return [pk for pk, _score in scored]


def _written_form(term, word):
    """How the best-ranked public article that contains ``term`` writes it («الأمريكية»
    rather than the folded «الامريكيه»), preferring the form that is ``word`` once
    normalized («نفط» rather than «النفطية»)."""
    now = timezone.now()
    best = answers.remembered(("best article holding", term), now, lambda: _best(term, now))
    article = Article.objects.published(now).filter(pk__in=best).first()
    if article is None:
        return word
    first = ""
    for text in (article.headline, article.kicker, article.standfirst, article.body_text):
        for start, end, _term in matched_spans(text, {term}):
            form = text[start:end]
            if normalize(form) == word:
                return form
            first = first or form
    return first or word
