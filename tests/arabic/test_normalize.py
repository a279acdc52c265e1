import sys

import pytest

from sahafa.arabic import normalize, squeeze_repeats


@pytest.mark.parametrize("variant", ["مـــجـــانـــي", "مُجّاني", "مَجَّانِيّ", "مـجـانـي"])
def test_tatweel_and_tashkeel_vanish(variant):
    assert normalize(variant) == "مجاني"


@pytest.mark.parametrize(
    "variant",
    [
        "مج\u200bاني",
        "مج\u200cاني",
        "مج\u200dاني",
        "\u200fمجاني\u200e",
        "مج\ufeffاني",
        "مجا\u00adني",
    ],
)
def test_zero_width_and_bidi_characters_inside_words_vanish(variant):
    assert normalize(variant) == "مجاني"


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"])
def test_embedding_and_override_controls_vanish(control):
    assert normalize(f"{control}خبر{control}") == "خبر"


@pytest.mark.parametrize("control", ["\u2066", "\u2067", "\u2068", "\u2069", "\u061c"])
def test_isolate_controls_and_arabic_letter_mark_vanish(control):
    assert normalize(f"خ{control}بر") == "خبر"


def test_alef_forms_fold_to_bare_alef():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("الآن") == normalize("الان") == "الان"


def test_hamza_on_waw_and_yeh_folds_to_the_seat_letter():
    assert normalize("مسؤول") == normalize("مسوول") == "مسوول"
    assert normalize("رئيس") == normalize("رييس") == "رييس"


@pytest.mark.parametrize(
    ("egyptian", "standard"), [("مسئول", "مسؤول"), ("شئون", "شؤون"), ("المسئُولين", "المسؤولين")]
)
def test_egyptian_hamza_seat_before_waw_meets_the_standard_spelling(egyptian, standard):
    assert normalize(egyptian) == normalize(standard)


def test_standalone_hamza_is_kept():
    assert normalize("جزء") == "جزء"


def test_alef_maqsura_becomes_yeh_and_ta_marbuta_becomes_heh():
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدرسة") == "مدرسه"


def test_quranic_marks_and_superscript_alef_vanish():
    assert normalize("ٱلرَّحْمَٰنِ") == "الرحمن"
    assert normalize("الصَّلَوٰةَ ۖ") == "الصلوه"


def test_arabic_indic_and_persian_digits_become_ascii():
    assert normalize("٠٥٠١٢٣٤٥٦٧") == "0501234567"
    assert normalize("۱۴۰۳") == "1403"


def test_persian_keheh_and_yeh_become_arabic_letters():
    assert normalize("کتاب") == "كتاب"
    assert normalize("ایران") == "ايران"


def test_presentation_forms_and_ligatures_become_letters():
    assert normalize("ﺍﻟﺴﻼﻡ") == "السلام"
    assert normalize("ﻻ") == "لا"
    assert normalize("ﷲ") == "الله"


def test_punctuation_of_both_scripts_separates_words():
    assert normalize("قمة G20 في 2024: “نعم”") == "قمه g20 في 2024 نعم"
    assert normalize("أولاً،ثانياً؛ثالثاً؟") == "اولا ثانيا ثالثا"
    assert normalize("«عاجل» - (تحديث)") == "عاجل تحديث"


def test_latin_is_casefolded_and_accents_dropped():
    assert normalize("COVID-19") == "covid 19"
    assert normalize("Café Straße") == "cafe strasse"


def test_whitespace_is_collapsed_and_stripped():
    assert normalize("  خبر\n\t\u00a0عاجل  ") == "خبر عاجل"
    assert normalize("") == ""
    assert normalize("،؛؟!") == ""


def test_every_single_code_point_normalizes_idempotently():
    for code_point in range(sys.maxunicode + 1):
        once = normalize(chr(code_point))
        assert normalize(once) == once, hex(code_point)


@pytest.mark.parametrize(
    ("stretched", "squeezed"),
    [
        ("مجاااني", "مجاني"),
        ("جدااا", "جدا"),
        ("لووووول", "لول"),
        ("شكرررا", "شكرا"),
        ("مجااني", "مجاني"),
    ],
)
def test_squeeze_repeats_collapses_letters_stretched_for_emphasis(stretched, squeezed):
    assert squeeze_repeats(stretched) == squeezed


def test_squeeze_repeats_keeps_legitimate_double_letters_and_numbers():
    assert squeeze_repeats("ووزير coffee 1000") == "ووزير coffee 1000"


def test_squeeze_repeats_after_normalize_catches_disguised_spam_words():
    assert squeeze_repeats(normalize("مـجـاااااانـي")) == "مجاني"
