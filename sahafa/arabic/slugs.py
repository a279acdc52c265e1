"""URL slugs that keep Arabic readable: «رفع العقوبات عن كوريا» → ``رفع-العقوبات-عن-كوريا``."""

import re
import unicodedata

from .digits import to_latin_digits

# Hamza and madda marks survive decomposition so that recomposition restores أ إ آ ؤ ئ:
# unlike search, a slug is read by people.
_HAMZA_MARKS = "\u0653\u0654\u0655"
_TATWEEL = "ـ"


class _MarkStripTable(dict):
    """``str.translate`` table deleting marks and format characters, filled in lazily."""

    def __missing__(self, code_point: int) -> int | None:
        char = chr(code_point)
        is_mark = unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf")
        dropped = char == _TATWEEL or (is_mark and char not in _HAMZA_MARKS)
        self[code_point] = None if dropped else code_point
        return self[code_point]


_MARK_STRIP_TABLE = _MarkStripTable()
_LOOSE_HAMZA_MARKS = str.maketrans("", "", _HAMZA_MARKS)
_NON_SLUG_RUN = re.compile(r"[^a-z0-9\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5]+")


def slugify_ar(text: str, max_length: int = 80) -> str:
    """Slug of ``text``: Arabic letters without tashkeel, lowercase Latin, ASCII digits.

    Everything else separates words with a single hyphen. A slug longer than ``max_length``
    is cut at the last word boundary that fits (inside the word only if the first word alone
    is too long). Returns "" only when ``text`` has no Arabic or Latin letter and no digit.
    """
    decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_MARK_STRIP_TABLE)
    recomposed = unicodedata.normalize("NFC", decomposed).translate(_LOOSE_HAMZA_MARKS)
    slug = _NON_SLUG_RUN.sub("-", to_latin_digits(recomposed)).strip("-")
    if len(slug) <= max_length:
        return slug
    head = slug[: max_length + 1]
    boundary = head.rfind("-")
    return head[:boundary] if boundary > 0 else slug[:max_length]
