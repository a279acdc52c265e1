"""Word shingles for near-duplicate detection (e.g. the same wire story published twice)."""

from .analysis import analyze


def shingles(text: str, k: int = 5) -> set[str]:
    """Set of ``k`` consecutive index terms of ``text``, each joined by spaces.

    Terms come from ``analyze``, so spelling variants, tashkeel and stopwords do not make
    two copies of a story look different. Text with fewer than ``k`` terms yields a single
    shingle of all its terms (none if it has no terms).
    """
    terms = analyze(text)
    if len(terms) <= k:
        return {" ".join(terms)} if terms else set()
    return {" ".join(terms[i : i + k]) for i in range(len(terms) - k + 1)}
