"""The one text normalizer used for every comparison: search, spam words, duplicates.

The output is meant for matching, never for display. Steps, in order:

1. NFKD: presentation forms and ligatures become plain letters, and hamza/madda carriers
   split into base letter + combining mark (أ → ا + ٔ, ؤ → و + ٔ, ئ → ي + ٔ, آ → ا + ٓ).
2. casefold, so Latin matching ignores case.
3. One translation table that deletes every combining mark (tashkeel, Quranic marks, the
   hamza/madda marks split off in step 1, Latin accents), every format character
   (zero-width and bidi controls, soft hyphen, U+061C) and tatweel; folds the remaining
   letter variants (ٱ → ا, ى → ي, ة → ه, Persian ک → ك and ی → ي); turns Arabic-Indic and
   Persian digits into ASCII; and turns punctuation, symbols and control characters into
   spaces.
4. Whitespace collapsed to single spaces and stripped.

Hamza decision: ؤ → و and ئ → ي (and أ إ آ → ا). Phone typists routinely drop the hamza
seat, writing «مسوول» for «مسؤول» and «رييس» for «رئيس»; folding every seat to its carrier
letter makes those spellings meet. One more rule runs first: ئ directly before و becomes ؤ,
because Egyptian orthography writes «مسئول», «شئون» where others write «مسؤول», «شؤون», and
both must meet. The bare hamza ء is kept: it has its own key and dropping it would merge
words such as «جزء» and «جز», or turn «ماء» into the stopword «ما».

Apart from that same-length rewrite, every step works character by character, which makes
the normalizer idempotent and lets ``normalize_char`` map normalized text back to the
original (see ``analysis.analyze_with_spans``).
"""

import re
import unicodedata
from functools import lru_cache

from .digits import ARABIC_INDIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS

_LETTER_FOLDS = {
    "ٱ": "ا",  # alef wasla
    "ٲ": "ا",  # alef with wavy hamza above
    "ٳ": "ا",  # alef with wavy hamza below
    "ى": "ي",
    "ة": "ه",
    "ک": "ك",  # Persian keheh
    "ی": "ي",  # Persian yeh
    "ـ": "",  # tatweel
    "ۥ": "",  # small waw, a Quranic mark that Unicode classes as a letter
    "ۦ": "",  # small yeh, likewise
}
_DIGIT_FOLDS = dict(zip(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, LATIN_DIGITS * 2, strict=True))
_EXPLICIT_FOLDS = {ord(char): folded for char, folded in (_LETTER_FOLDS | _DIGIT_FOLDS).items()}

_DELETED_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_SEPARATOR_CATEGORY_PREFIXES = ("P", "S", "Z")
_SEPARATOR_CATEGORIES = frozenset({"Cc", "Cs"})


class _FoldTable(dict):
    """``str.translate`` table over all of Unicode, filled in on first sight of a character.

    Building it eagerly would mean scanning 1.1 million code points at import time.
    """

    def __missing__(self, code_point: int) -> str | int | None:
        folded = _fold_code_point(code_point)
        self[code_point] = folded
        return folded


def _fold_code_point(code_point: int) -> str | int | None:
    if code_point in _EXPLICIT_FOLDS:
        return _EXPLICIT_FOLDS[code_point]
    char = chr(code_point)
    category = unicodedata.category(char)
    # Any character with a combining class is a mark, whatever its category says.
    if category in _DELETED_CATEGORIES or unicodedata.combining(char):
        return None
    if category.startswith(_SEPARATOR_CATEGORY_PREFIXES) or category in _SEPARATOR_CATEGORIES:
        return " "
    return code_point


_FOLD_TABLE = _FoldTable()


# ئ (precomposed, or ي + hamza mark) followed by و, possibly across tashkeel and tatweel.
_HAMZA_YEH_BEFORE_WAW = re.compile(
    "ئ(?=[\u064b-\u065f\u0670\u0640]*و)|ي(?=\u0654[\u064b-\u065f\u0670\u0640]*و)"
)
_WAW_SEAT = {"ئ": "ؤ", "ي": "و"}


def unify_hamza_seats(text: str) -> str:
    """Rewrite the Egyptian ئو spelling as ؤو («مسئول» → «مسؤول»), keeping the text length."""
    return _HAMZA_YEH_BEFORE_WAW.sub(lambda match: _WAW_SEAT[match.group()], text)


def normalize(text: str) -> str:
    """Fold ``text`` to the canonical form used for every text comparison."""
    folded = (
        unicodedata.normalize("NFKD", unify_hamza_seats(text)).casefold().translate(_FOLD_TABLE)
    )
    return " ".join(folded.split())


@lru_cache(maxsize=4096)
def normalize_char(char: str) -> str:
    """Normalize one character without collapsing whitespace (may return "" or several chars).

    ``normalize(text)`` equals the whitespace-collapsed concatenation of ``normalize_char``
    over the characters of ``unify_hamza_seats(text)``.
    """
    return unicodedata.normalize("NFKD", char).casefold().translate(_FOLD_TABLE)


_LETTER_RUN = re.compile(r"([^\W\d_])\1{2,}")
_ALEF_RUN = re.compile(r"اا+")


def squeeze_repeats(text: str) -> str:
    """Collapse letters stretched for emphasis, as spammers do: «مجاااني» → «مجاني».

    Any run of three or more identical letters becomes one letter, and so does any run of
    two or more alefs (no Arabic word doubles alef). Shorter runs are left alone because
    doubled letters are legitimate (``"coffee"``, «ووزير»). Apply to normalized text so that
    tatweel and tashkeel cannot hide a run.
    """
    return _ALEF_RUN.sub("ا", _LETTER_RUN.sub(r"\1", text))
