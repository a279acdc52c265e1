"""«هل تقصد: …»: a correction of the query from the index vocabulary.

A query word whose term no indexed article contains is replaced by the most frequent
vocabulary term one edit away — one edit in the word as typed (a wrong, missing, extra or
swapped letter), or in its stem — written as the best-ranked article containing it writes
it. Candidates are generated in Python and looked up in one indexed ``IN`` query, so a
suggestion costs a few milliseconds whatever the index size.
"""

from django.utils import timezone

from sahafa.arabic import STOPWORDS, analyze_with_spans, stem, tokenize
from sahafa.articles.models import Article

from .backends import current_backend
from .models import SearchTerm
from .query import ParsedQuery

_ARABIC_LETTERS = "ءابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Edits of very long words are many and never the typo a reader made.
_MAX_WORD_LENGTH = 20
_MIN_WORD_LENGTH = 3


def suggest(text):
    """The query with its unknown words corrected, or "" when there is nothing to offer."""
    words = text.split()
    tokens_by_word = [tokenize(word) for word in words]
    terms = {stem(token) for tokens in tokens_by_word for token in tokens}
    known = set(
        SearchTerm.objects.filter(term__in=terms, documents__gt=0).values_list("term", flat=True)
    )
    corrected = []
    changed = False
    for word, tokens in zip(words, tokens_by_word, strict=True):
        replacement = None
        if len(tokens) == 1 and tokens[0] not in STOPWORDS and stem(tokens[0]) not in known:
            replacement = _correction(tokens[0])
        corrected.append(replacement or word)
        changed = changed or replacement is not None
    return " ".join(corrected) if changed else ""


def _correction(token):
    if not _MIN_WORD_LENGTH <= len(token) <= _MAX_WORD_LENGTH:
        return None
    letters = _LATIN_LETTERS if token.isascii() else _ARABIC_LETTERS
    # Each candidate term, with the word to show for it.
    candidates = {}
    for word in _edits(token, letters):
        if word not in STOPWORDS:
            candidates.setdefault(stem(word), word)
    for term in _edits(stem(token), letters):
        candidates.setdefault(term, term)
    best = (
        SearchTerm.objects.filter(term__in=list(candidates), documents__gt=0)
        .order_by("-documents", "term")
        .values_list("term", flat=True)
        .first()
    )
    return _written_form(best) or candidates[best] if best else None


def _written_form(term):
    """How the best-ranked public article that contains ``term`` writes it («الأمريكية»
    rather than the folded «الامريكيه»)."""
    scored, _total = current_backend().ranked(
        ParsedQuery(required=(((term,),),)),
        match_all=True,
        visible=Article.objects.published().order_by(),
        now=timezone.now(),
        limit=1,
        offset=0,
    )
    article = Article.objects.filter(pk__in=[pk for pk, _score in scored]).first()
    if article is None:
        return None
    for text in (article.headline, article.kicker, article.standfirst, article.body_text):
        for start, end, found in analyze_with_spans(text):
            if found == term:
                return text[start:end]
    return None


def _edits(word, letters):
    splits = [(word[:index], word[index:]) for index in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    swaps = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaces = [left + letter + right[1:] for left, right in splits if right for letter in letters]
    inserts = [left + letter + right for left, right in splits for letter in letters]
    return {*deletes, *swaps, *replaces, *inserts} - {word, ""}
