"""Where Latin-script runs sit in Arabic text, so a page can isolate them.

An Arabic block is laid out right to left whatever its first letter is; a Latin name in it
(«OPEC+ تبحث خفض الإنتاج»، «قمة G20 في 2024») must then be isolated (`<bdi>`), or the
punctuation and numbers beside it are ordered by the wrong direction: «OPEC+» shows as
«+OPEC». A run is what a reader takes as one left-to-right phrase: it starts with a
left-to-right letter and ends with one or a digit, may hold spaces, digits and joining
punctuation in between («Saudi Aramco»، «iPhone 15»، «U.S.»), and keeps a trailing «+» or
«#» («OPEC+»، «C#»). A full stop or comma after it belongs to the Arabic sentence. An
address quoted in the text («https://opec.org/press?id=7») is one run whatever its
punctuation, up to the space or the sentence's punctuation that ends it.
"""

import re
import unicodedata

# Bidi classes (UAX #9) mapped to one letter each: L strong left-to-right, D a European
# digit, J what may join a run (separators, terminators, spaces), anything else X.
_CLASSES = {"L": "L", "EN": "D", "ES": "J", "ET": "J", "CS": "J", "WS": "J"}
_RUN = re.compile(r"L(?:[LDJ]*[LD])?")
_TRAILING = "+#"
# An address starts with its scheme or «www.» and ends before a space, a quote or bracket
# of the sentence, or the punctuation that closes the sentence around it.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>«»“”\"'()\[\]]*[^\s<>«»“”\"'()\[\].,;:!?،؛؟]")


class _ClassLetters(dict):
    """Code point → class letter, filled as characters are first met: `str.translate` then
    classifies a text in C (this runs over every headline and snippet of a search page)."""

    def __missing__(self, code_point):
        letter = self[code_point] = _CLASSES.get(unicodedata.bidirectional(chr(code_point)), "X")
        return letter


_CLASS_LETTERS = _ClassLetters()


def _classes(text):
    classes = text.translate(_CLASS_LETTERS)
    for address in _ADDRESS.finditer(text):
        start, end = address.span()
        classes = classes[:start] + "L" * (end - start) + classes[end:]
    return classes


def latin_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text``'s left-to-right runs, in order."""
    spans = []
    for match in _RUN.finditer(_classes(text)):
        end = match.end()
        while end < len(text) and text[end] in _TRAILING:
            end += 1
        spans.append((match.start(), end))
    return spans
