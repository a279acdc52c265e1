"""Properties that must hold for any input, checked with Hypothesis."""

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from sahafa.arabic import (
    STOPWORDS,
    analyze,
    analyze_with_spans,
    excerpt,
    format_hijri,
    normalize,
    plain_text,
    relative_time,
    shingles,
    slugify_ar,
    squeeze_repeats,
    stem,
    to_arabic_digits,
    to_latin_digits,
    tokenize,
)
from sahafa.arabic.excerpts import ELLIPSIS

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B) if c != 0x0640)
# Alphabet of the text that actually reaches the platform, with the characters that make
# Arabic normalization hard: tashkeel, Quranic marks, tatweel, invisible characters,
# presentation forms, three digit systems, both scripts' punctuation.
ARABIC_HEAVY_ALPHABET = (
    ARABIC_LETTERS * 3
    + "ٱکیپچگ"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u06d6\u06da\u06e5\u06ed\u0640"
    + "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\u061c\u00ad"
    + "ﻻﷲﺍﻟﺴﻼﻡﷺ"
    + "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789"
    + "،؛؟.,:;!?«»“”\"'()[]-–—…/"
    + "    \n\t\u00a0"
    + "abcsGXé"
)
arabic_heavy_text = st.text(alphabet=ARABIC_HEAVY_ALPHABET)
any_text = st.one_of(st.text(), arabic_heavy_text)
html_text = st.one_of(
    any_text,
    st.lists(
        st.one_of(
            arabic_heavy_text,
            st.sampled_from(["<p>", "</p>", "<br>", "<li>", "<script>", "</script>", "&amp;", "<"]),
        )
    ).map("".join),
)
SLUG_CHARS = re.compile(r"[a-z0-9\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5-]*")
TRAILING_PUNCTUATION = " ،,.:;؛-–—…"


@given(any_text)
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(any_text)
def test_normalize_leaves_no_marks_invisibles_tatweel_or_punctuation(text):
    normalized = normalize(text)
    assert not re.search(
        r"[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e،؛؟.,:!]", normalized
    )
    assert normalized == " ".join(normalized.split())


@given(any_text)
def test_squeeze_repeats_is_idempotent(text):
    squeezed = squeeze_repeats(normalize(text))
    assert squeeze_repeats(squeezed) == squeezed


@given(html_text)
def test_plain_text_yields_trimmed_non_empty_lines(html):
    for line in plain_text(html).split("\n") if plain_text(html) else []:
        assert line and line == " ".join(line.split())


@given(any_text, st.integers(min_value=1, max_value=200))
def test_excerpt_never_cuts_a_word_and_respects_the_length_bound(text, max_chars):
    result = excerpt(text, max_chars)
    words = text.split()
    if len(" ".join(words)) <= max_chars:
        assert result == " ".join(words)
        return
    assert result.endswith(ELLIPSIS)
    kept = result[: -len(ELLIPSIS)].split()
    if kept:
        assert kept[:-1] == words[: len(kept) - 1]
        last_source_word = words[len(kept) - 1]
        assert last_source_word.startswith(kept[-1])
        assert not last_source_word[len(kept[-1]) :].strip(TRAILING_PUNCTUATION)
    if len(words[0]) <= max_chars:
        assert len(result) <= max_chars + len(ELLIPSIS)


@given(any_text, st.integers(min_value=1, max_value=100))
def test_slugify_ar_is_idempotent_bounded_and_url_safe(text, max_length):
    slug = slugify_ar(text, max_length)
    assert slugify_ar(slug, max_length) == slug
    assert len(slug) <= max_length
    assert SLUG_CHARS.fullmatch(slug)
    assert "--" not in slug and not slug.startswith("-") and not slug.endswith("-")


@given(any_text)
def test_slugify_ar_is_empty_only_without_arabic_or_latin_letters_or_digits(text):
    has_slug_material = re.search(r"[a-zA-Z0-9\u0621-\u063a\u0641-\u064a٠-٩]", text)
    assert bool(slugify_ar(text)) or not has_slug_material


@given(any_text)
def test_analyze_is_stable_on_its_own_output(text):
    terms = analyze(text)
    assert analyze(" ".join(terms)) == terms


@given(any_text)
def test_stem_is_idempotent(text):
    for token in tokenize(text):
        assert stem(stem(token)) == stem(token)


@given(any_text)
def test_a_non_stopword_token_never_analyzes_to_nothing(text):
    for token in tokenize(text):
        if token not in STOPWORDS:
            assert stem(token)
            assert analyze(token) == [stem(token)]


@given(any_text)
def test_spans_carry_the_analyzed_terms_and_point_at_words_producing_them(text):
    spans = analyze_with_spans(text)
    assert [term for _, _, term in spans] == analyze(text)
    for start, end, term in spans:
        assert 0 <= start < end <= len(text)
        assert term in analyze(text[start:end])


@given(any_text, st.integers(min_value=1, max_value=6))
def test_shingles_hold_at_most_k_terms_each(text, k):
    assert all(1 <= len(shingle.split()) <= k for shingle in shingles(text, k))


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_relative_time_never_raises(seconds):
    assert relative_time(seconds)


@given(st.text(alphabet=string.digits + "٠١٢٣٤٥٦٧٨٩ :-"))
def test_digit_conversion_round_trips(text):
    assert to_latin_digits(to_arabic_digits(text)) == to_latin_digits(text)


@given(st.dates())
def test_hijri_formatting_never_raises_for_any_date(day):
    formatted = format_hijri(day)
    assert formatted.endswith(" هـ") or formatted == ""
