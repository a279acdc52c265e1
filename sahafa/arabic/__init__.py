"""Arabic text toolkit for Sahafa: normalization, slugs, excerpts, dates and search analysis.

Pure Python (standard library plus hijridate); nothing here may import Django.
"""

from .analysis import STOPWORDS, analyze, analyze_with_spans, stem, tokenize
from .dates import (
    format_gregorian,
    format_gregorian_month,
    format_hijri,
    format_hijri_span,
    format_time,
    format_weekday,
)
from .digits import to_arabic_digits, to_latin_digits
from .duplicates import shingles
from .excerpts import excerpt
from .html_text import plain_text
from .normalization import normalize, squeeze_repeats
from .relative import count_phrase, relative_time
from .slugs import slugify_ar

__all__ = [
    "STOPWORDS",
    "analyze",
    "analyze_with_spans",
    "count_phrase",
    "excerpt",
    "format_gregorian",
    "format_gregorian_month",
    "format_hijri",
    "format_hijri_span",
    "format_time",
    "format_weekday",
    "normalize",
    "plain_text",
    "relative_time",
    "shingles",
    "slugify_ar",
    "squeeze_repeats",
    "stem",
    "to_arabic_digits",
    "to_latin_digits",
    "tokenize",
]
