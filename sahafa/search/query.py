"""The reader's query, parsed into our own index terms.

Grammar (everything else is just text): ``"quoted words"`` (also «…» and “…”) is a phrase;
``-word`` or ``-"quoted words"`` excludes; any other word is a required term. Each part goes
through ``analyze()``, so what reaches the index backends is only analyzed terms — never a
character the reader typed as query syntax.
"""

import re
from dataclasses import dataclass

from sahafa.arabic import analyze

# A 10 kB paste is still "just text", but only its beginning is worth searching for.
MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 12
MAX_PHRASE_TERMS = 12

_PART = re.compile(r'(-?)(?:"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+))')


@dataclass(frozen=True)
class ParsedQuery:
    """Required and excluded clauses; a clause is a tuple of consecutive terms (a phrase),
    a single term being a phrase of one."""

    required: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()

    def __bool__(self):
        return bool(self.required)

    @property
    def terms(self):
        """Every required term, for highlighting."""
        return frozenset(term for clause in self.required for term in clause)


def parse_query(text: str) -> ParsedQuery:
    required: list[tuple[str, ...]] = []
    excluded: list[tuple[str, ...]] = []
    for match in _PART.finditer(text[:MAX_QUERY_CHARS]):
        negated, *quoted, bare = match.groups()
        phrase = next((part for part in quoted if part is not None), None)
        terms = tuple(analyze(phrase if phrase is not None else bare))[:MAX_PHRASE_TERMS]
        if not terms:
            continue
        if negated:
            clauses, target = [terms], excluded
        elif phrase is not None and len(terms) > 1:
            clauses, target = [terms], required
        else:
            # A bare word that analyzes into several terms («covid-19», «U.S.») asks for each.
            clauses, target = [(term,) for term in terms], required
        for clause in clauses:
            if clause not in target and len(target) < MAX_CLAUSES:
                target.append(clause)
    return ParsedQuery(tuple(required), tuple(excluded))
