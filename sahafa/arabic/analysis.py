"""Text analysis for search: tokens, stopwords and a light Arabic stemmer.

``analyze`` turns text into index terms: normalize → tokenize → drop stopwords → stem.

The stemmer is light (affix stripping, no roots), in the spirit of Larkey's Light10, and is
tuned so that a word and its common variants meet: «الأمريكية», «أمريكي», «الأمريكيين» →
«امريك»; «والمفاوضات», «المفاوضات», «مفاوضات» → «مفاوض»; «للمملكة», «المملكة» → «مملك»;
«روسيا», «الروسية» → «روس». Rules, on normalized tokens:

* Prefixes carrying the article (وال بال كال فال ولل لل ال) are stripped while at least
  three letters remain.
* The conjunction و alone is stripped only while at least four letters remain («وإيران»
  → «ايران», but «ومصر» stays), and never from frequent words whose root starts with و,
  listed in ``_WAW_ROOT_WORDS`` («وزير», «وزارة», «ولاية», «وكالة»). Without that guard
  «وزارة» would lose its و while «الوزارة» kept it, so the two would never match.
* The proclitics ب ك ل ف alone are never stripped: too many frequent nouns start with
  those letters («بريطانيا», «بيان», «كوريا», «لبنان», «فلسطين»), and stripping them would
  split «X» from «الX» in the same way.
* Suffixes (ات ان ون ين يه يا ها ه ي, the duals تين تان, and ة-before-pronoun forms such
  as ته تها اته) are stripped while at least three letters remain, so «الاتفاقيات» →
  «اتفاقي» → «اتفاق».
* No strip may leave a stopword, so that «الولايات» does not become «ولا».

Stripping repeats until nothing applies, which makes ``stem`` idempotent and
``analyze(" ".join(analyze(text)))`` equal to ``analyze(text)``.
"""

import re
from functools import lru_cache
from itertools import chain, repeat

from .normalization import normalize, normalize_char, unify_hamza_seats
from .stopwords import STOPWORDS

__all__ = ["STOPWORDS", "analyze", "analyze_with_spans", "stem", "tokenize"]

# ASCII words keep their digits («g20», «covid19»); elsewhere digits and letters split so
# that «2024م» yields «2024».
_TOKEN = re.compile(r"[0-9]*[a-z][0-9a-z]*(?![^\W_])|\d+|[^\W\d_]+")

_MIN_STEM = 3
# Prefix → letters that must remain after stripping it. Longer prefixes are tried first.
_PREFIXES = {
    "وال": _MIN_STEM,
    "بال": _MIN_STEM,
    "كال": _MIN_STEM,
    "فال": _MIN_STEM,
    "ولل": _MIN_STEM,
    "لل": _MIN_STEM,
    "ال": _MIN_STEM,
    "و": _MIN_STEM + 1,
}
_PREFIX_LENGTHS = sorted({len(prefix) for prefix in _PREFIXES}, reverse=True)
# Longer suffixes are tried first. ت + pronoun is ة before a pronoun: «وزارتها», «تصريحاته».
_SUFFIXES = frozenset({
    "اتها", "اتهم",
    "اته", "تان", "تها", "تهم", "تين",
    "ات", "ان", "ته", "ها", "ون", "يا", "ين", "يه",
    "ه", "ي",
})  # fmt: skip
_SUFFIX_LENGTHS = sorted({len(suffix) for suffix in _SUFFIXES}, reverse=True)
# Frequent news words whose root begins with و; any word with the same suffix-stripped stem
# keeps its و («الوزارات», «وزارتها»).
_WAW_ROOT_WORDS = """
    واجب وادي واردات واشنطن واضح واقع والد والدة وثائق وثيقة وجه وجهة وجود وحدة ودائع
    وديعة ورشة ورقة وزارة وزاري وزراء وزير وسائل وسطاء وصاية وصول وضع وطن وطني وظائف
    وظيفة وعد وعود وفد وفود وقاية وقت وقف وقود وكالة وكلاء ولاية ولايات
"""
_MIN_LATIN_PLURAL_LENGTH = 5


def tokenize(text: str) -> list[str]:
    """Word and number tokens of the normalized ``text``."""
    return _TOKEN.findall(normalize(text))


@lru_cache(maxsize=131072)
def stem(token: str) -> str:
    """Light stem of a normalized token.

    Never empty for a non-empty token, and never a stopword unless the token is one.
    """
    if token.isascii():
        return _stem_latin(token)
    word = token
    while (stripped := _strip_suffixes(_strip_prefixes(word))) != word:
        word = stripped
    return word


def _stem_latin(token: str) -> str:
    # Only the plainest English plural, so that «sanctions» meets «sanction».
    if len(token) >= _MIN_LATIN_PLURAL_LENGTH and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def _strip_prefixes(word: str) -> str:
    while prefix := _strippable_prefix(word):
        word = word[len(prefix) :]
    return word


def _strippable_prefix(word: str) -> str:
    # Slicing by length and looking up beats testing every prefix with startswith.
    for length in _PREFIX_LENGTHS:
        prefix, rest = word[:length], word[length:]
        if (
            prefix in _PREFIXES
            and len(rest) >= _PREFIXES[prefix]
            and rest not in STOPWORDS
            and not (prefix.startswith("و") and _strip_suffixes(word) in _WAW_ROOT_STEMS)
        ):
            return prefix
    return ""


def _strip_suffixes(word: str) -> str:
    while suffix := _strippable_suffix(word):
        word = word[: -len(suffix)]
    return word


def _strippable_suffix(word: str) -> str:
    for length in _SUFFIX_LENGTHS:
        suffix, rest = word[-length:], word[:-length]
        if suffix in _SUFFIXES and len(rest) >= _MIN_STEM and rest not in STOPWORDS:
            return suffix
    return ""


_WAW_ROOT_STEMS = frozenset(_strip_suffixes(normalize(word)) for word in _WAW_ROOT_WORDS.split())


def analyze(text: str) -> list[str]:
    """Index terms of ``text``: normalized, tokenized, without stopwords, stemmed."""
    return [stem(token) for token in tokenize(text) if token not in STOPWORDS]


def analyze_with_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for each term of ``analyze(text)``, in the same order.

    ``text[start:end]`` is the whole original word behind the term, including tashkeel,
    tatweel and invisible characters inside it and the marks that follow it, so that a
    search page can highlight the word as the reader sees it.
    """
    # Per character, but in C (map, repeat, chain): this runs over every snippet and
    # headline of a search page.
    normalized_chars = list(map(normalize_char, unify_hamza_seats(text)))
    normalized = "".join(normalized_chars)
    source_index = list(
        chain.from_iterable(map(repeat, range(len(normalized_chars)), map(len, normalized_chars)))
    )

    spans = []
    for match in _TOKEN.finditer(normalized):
        token = match.group()
        if token in STOPWORDS:
            continue
        start = source_index[match.start()]
        end = source_index[match.end() - 1] + 1
        while end < len(text) and not normalized_chars[end]:
            end += 1
        spans.append((start, end, stem(token)))
    return spans
