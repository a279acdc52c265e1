import pytest

from sahafa.arabic import slugify_ar


def test_arabic_words_are_joined_by_hyphens():
    assert slugify_ar("رفع العقوبات عن كوريا") == "رفع-العقوبات-عن-كوريا"


def test_tashkeel_and_tatweel_are_stripped_but_hamza_forms_kept():
    assert slugify_ar("مُجّـــاني أسعارٌ إضافية وآراء مسؤول") == "مجاني-أسعار-إضافية-وآراء-مسؤول"


def test_latin_is_lowercased_without_accents_and_arabic_indic_digits_become_ascii():
    assert slugify_ar("قمة G20 في ٢٠٢٤: «نعم»!") == "قمة-g20-في-2024-نعم"
    assert slugify_ar("Café Déjà Vu") == "cafe-deja-vu"


def test_punctuation_and_symbols_collapse_into_single_hyphens():
    assert slugify_ar("  «عاجل» -- (تحديث) / الساعة 14:05 ") == "عاجل-تحديث-الساعة-14-05"


def test_presentation_forms_and_zero_width_characters_do_not_break_words():
    assert slugify_ar("ﺍﻟﺴﻼﻡ مج\u200cاني") == "السلام-مجاني"


def test_long_slug_is_cut_at_a_word_boundary():
    assert slugify_ar("رفع العقوبات عن كوريا", max_length=14) == "رفع-العقوبات"
    assert slugify_ar("رفع العقوبات عن كوريا", max_length=12) == "رفع-العقوبات"
    assert slugify_ar("رفع العقوبات عن كوريا", max_length=11) == "رفع"


def test_single_word_longer_than_the_limit_is_cut_rather_than_emptied():
    assert slugify_ar("والمفاوضات", max_length=4) == "والم"


@pytest.mark.parametrize("text", ["", "   ", "«»،؛؟!", "\u200b\u064e"])
def test_text_without_letters_or_digits_gives_empty_slug(text):
    assert slugify_ar(text) == ""
