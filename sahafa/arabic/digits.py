"""Conversion between ASCII digits and the Arabic-Indic digits used in Arabic typography."""

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
LATIN_DIGITS = "0123456789"

_TO_ARABIC = str.maketrans(LATIN_DIGITS, ARABIC_INDIC_DIGITS)
# Persian digits are read as Arabic-Indic ones: Persian keyboards emit them in Arabic text.
_TO_LATIN = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, LATIN_DIGITS * 2)


def to_arabic_digits(text: str) -> str:
    """Write every ASCII digit in ``text`` as an Arabic-Indic digit (٠-٩)."""
    return text.translate(_TO_ARABIC)


def to_latin_digits(text: str) -> str:
    """Write every Arabic-Indic or Persian digit in ``text`` as an ASCII digit."""
    return text.translate(_TO_LATIN)


def with_digits(text: str, digits: str) -> str:
    """Render ``text`` in the requested digit system: ``"latn"`` (0-9) or ``"arab"`` (٠-٩)."""
    if digits == "latn":
        return to_latin_digits(text)
    if digits == "arab":
        return to_arabic_digits(text)
    raise ValueError(f"digits must be 'latn' or 'arab', not {digits!r}")
