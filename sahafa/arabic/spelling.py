"""Words one typing slip away, and which slips are the likely ones.

Readers' typos in Arabic are mostly of two kinds: a letter swapped for its twin that differs
only by dots (ط/ظ, ص/ض, ح/خ/ج, س/ش …, the letters share one shape), and a neighbouring key
on the Arabic keyboard. A correction through such a slip is far more probable than any other
single edit, so «نفظ» means «نفط» even where «نفس» is the more frequent word.
"""

import itertools

ARABIC_LETTERS = "ءابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Letters that share one shape and differ only in their dots (after normalization, which
# folds ة into ه, ى into ي and the hamza seats into their letters).
_DOT_TWINS = ("بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق")
# The rows of the standard Arabic keyboard (101 layout), normalized; the لا key splits
# the bottom row.
_KEYBOARD_ROWS = ("ضصثقفغعهخحجد", "شسيبلاتنمكط", "يءور", "يهوزظ")


def _likely_pairs():
    pairs = set()
    for twins in _DOT_TWINS:
        pairs.update((a, b) for a in twins for b in twins if a != b)
    for row in _KEYBOARD_ROWS:
        for a, b in itertools.pairwise(row):
            if a != b:
                pairs.update({(a, b), (b, a)})
    return frozenset(pairs)


LIKELY_SUBSTITUTIONS = _likely_pairs()


def one_edit_away(word):
    """Every word one edit from ``word`` (a letter deleted, inserted or replaced, or two
    neighbours swapped), each with True when the edit is a likely slip (a dot twin, a
    neighbouring key, or two swapped letters)."""
    letters = LATIN_LETTERS if word.isascii() else ARABIC_LETTERS
    edits = {}
    for index in range(len(word) + 1):
        left, right = word[:index], word[index:]
        for letter in letters:
            edits.setdefault(left + letter + right, False)
        if not right:
            continue
        edits.setdefault(left + right[1:], False)
        if len(right) > 1:
            edits[left + right[1] + right[0] + right[2:]] = True
        for letter in letters:
            likely = (right[0], letter) in LIKELY_SUBSTITUTIONS
            candidate = left + letter + right[1:]
            edits[candidate] = edits.get(candidate, False) or likely
    edits.pop(word, None)
    edits.pop("", None)
    return edits
