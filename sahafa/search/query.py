"""The reader's query, parsed into our own index terms.

Grammar (everything else is just text): ``"quoted words"`` (also «…» and “…”) is a phrase;
``-word`` or ``-"quoted words"`` excludes; any other word is a required term. Each part goes
through the same analysis as the index, so what reaches the index backends is only
analyzed terms — never a character the reader typed as query syntax.

A required word that starts with one of the proclitics و ب ل ك ف may also match without
it: the stemmer keeps those letters (too many nouns start with them, see
``sahafa.arabic.analysis``), but a reader who types «لحكومة» or «ومصر» means «حكومة» or
«مصر» at least as often as not. So such a word becomes a clause of two alternatives; and a
proclitic on a stopword («لخلال», «بعبر») is a stopword too.
"""

import re
from dataclasses import dataclass

from sahafa.arabic import STOPWORDS, stem, tokenize

# A 10 kB paste is still "just text", but only its beginning is worth searching for.
MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 12
MAX_PHRASE_TERMS = 12
PROCLITICS = frozenset("وبلكف")
_MIN_REST = 3

_PART = re.compile(r'(-?)(?:"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+))')

# A phrase is a tuple of consecutive terms (a single term is a phrase of one); a clause is a
# tuple of alternative phrases and matches when any of them does.
Phrase = tuple[str, ...]
Clause = tuple[Phrase, ...]


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[Clause, ...] = ()
    excluded: tuple[Clause, ...] = ()
    # The words typed, excluded ones aside (normalized, not stemmed), stopwords included: the
    # headline that has them as the reader wrote them is preferred (engine._rerank_by_headline).
    words: frozenset[str] = frozenset()

    def __bool__(self):
        return bool(self.required)

    @property
    def terms(self):
        """Every term a match may contain, for highlighting."""
        return frozenset(term for clause in self.required for phrase in clause for term in phrase)


def parse_query(text: str) -> ParsedQuery:
    required: list[Clause] = []
    excluded: list[Clause] = []
    words: set[str] = set()
    for match in _PART.finditer(text[:MAX_QUERY_CHARS]):
        negated, *quoted, bare = match.groups()
        phrase = next((part for part in quoted if part is not None), None)
        typed = tokenize(phrase if phrase is not None else bare)
        if not negated:
            words.update(typed[:MAX_PHRASE_TERMS])
        tokens = [token for token in typed if not _is_stopword(token)][:MAX_PHRASE_TERMS]
        if not tokens:
            continue
        if negated:
            clauses, target = [(tuple(map(stem, tokens)),)], excluded
        elif phrase is not None and len(tokens) > 1:
            clauses, target = [(tuple(map(stem, tokens)),)], required
        else:
            # A bare word that analyzes into several terms («covid-19», «U.S.») asks for each.
            clauses, target = [_word_clause(token) for token in tokens], required
        for clause in clauses:
            if clause not in target and len(target) < MAX_CLAUSES:
                target.append(clause)
    return ParsedQuery(tuple(required), tuple(excluded), frozenset(words))


def _is_stopword(token: str) -> bool:
    """A stopword, or a proclitic on one («لخلال», «بعبر»), which carries no more meaning."""
    rest = token[1:]
    return token in STOPWORDS or (
        token[0] in PROCLITICS and len(rest) >= _MIN_REST and rest in STOPWORDS
    )


def _word_clause(token: str) -> Clause:
    term = stem(token)
    rest = token[1:]
    if token[0] in PROCLITICS and len(rest) >= _MIN_REST:
        without = stem(rest)
        if without != term:
            return ((term,), (without,))
    return ((term,),)
