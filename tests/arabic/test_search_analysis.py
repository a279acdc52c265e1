import pytest

from sahafa.arabic import STOPWORDS, analyze, normalize, stem, tokenize


def test_tokens_are_normalized_words_and_numbers():
    assert tokenize("قمة G20 في ٢٠٢٤: “نعم” للسلام") == [
        "قمه",
        "g20",
        "في",
        "2024",
        "نعم",
        "للسلام",
    ]


def test_digits_split_from_arabic_letters_but_not_from_latin_ones():
    assert tokenize("عام 2024م و1448هـ covid19") == [
        "عام",
        "2024",
        "م",
        "و",
        "1448",
        "ه",
        "covid19",
    ]


def test_stopwords_are_stored_normalized():
    assert all(normalize(word) == word for word in STOPWORDS)
    assert {"في", "من", "الي", "عن", "ان", "هذه", "التي", "the", "and"} <= STOPWORDS


def test_name_ali_is_not_a_stopword_although_ala_folds_into_it():
    assert "علي" not in STOPWORDS


def same_terms(*words):
    return {tuple(analyze(word)) for word in words}


@pytest.mark.parametrize(
    "variants",
    [
        ("الأمريكية", "الامريكيه", "أمريكي", "الأمريكيين", "أمريكيون"),
        ("مفاوضات", "والمفاوضات", "المفاوضات", "ومفاوضات", "للمفاوضات"),
        ("للمملكة", "المملكة", "مملكة", "والمملكة", "بالمملكة"),
        ("بالرياض", "الرياض", "والرياض", "كالرياض"),
        ("الاتفاقيات", "اتفاقية", "الاتفاق", "اتفاقيات"),
        ("روسيا", "الروسية", "الروسي"),
        ("كوريا", "الكورية", "كوريا"),
        ("سياسة", "السياسية", "سياسي", "السياسات", "السياسيين"),
        ("الحكومة", "حكومات", "حكومتها", "الحكومية"),
        ("تصريحات", "تصريحاته", "التصريحات"),
        ("الدولتين", "دولة", "الدولة"),
        ("مسؤول", "مسئول", "المسؤولين", "مسوول"),
        ("sanctions", "Sanction", "SANCTIONS"),
    ],
)
def test_variants_of_a_word_share_one_term(variants):
    assert len(same_terms(*variants)) == 1


@pytest.mark.parametrize(
    "variants",
    [
        ("وزير", "الوزير", "والوزير", "للوزير", "وزيرة"),
        ("وزارة", "الوزارة", "وزارات", "وزارتها", "بالوزارة"),
        ("الولايات", "ولاية", "ولايات"),
        ("وكالة", "الوكالة", "وكالات"),
        ("الوطنية", "وطني", "وطن"),
        ("إيران", "وإيران", "الإيرانية"),
    ],
)
def test_words_starting_with_waw_keep_their_root_and_still_match(variants):
    assert len(same_terms(*variants)) == 1


@pytest.mark.parametrize(
    ("word", "term"),
    [("وزير", "وزير"), ("وزارة", "وزار"), ("ولد", "ولد"), ("بيان", "بيان"), ("كتب", "كتب")],
)
def test_root_letters_are_never_taken_for_prefixes(word, term):
    assert analyze(word) == [term]


def test_bare_proclitics_other_than_waw_are_kept_so_nouns_starting_with_them_survive():
    assert analyze("بريطانيا") == analyze("البريطانية")
    assert analyze("لبنان") == analyze("اللبنانية")
    assert analyze("فلسطين") == analyze("الفلسطينيين")


@pytest.mark.parametrize("word", ["من", "ولد", "اب", "قمه", "يد", "ام"])
def test_short_words_survive_stemming(word):
    assert stem(word) == word


def test_stems_keep_at_least_three_letters():
    assert stem("بيانات") == "بيان"
    assert stem("الاتفاقيات") == "اتفاق"
    assert stem("سنه") == "سنه"


def test_stemming_never_produces_a_stopword():
    assert analyze("الولايات") == ["ولاي"]
    assert analyze("بعدها") == ["بعدها"]


def test_latin_plural_s_is_stripped_only_from_longer_words():
    assert [stem(word) for word in ["talks", "news", "crisis", "access", "g20s"]] == [
        "talk",
        "news",
        "crisi",
        "access",
        "g20s",
    ]
    assert stem("sanctions") == "sanction"


def test_analyze_drops_stopwords_and_stems_the_rest():
    text = "أعلنت وزارةُ الخارجية الأمريكية عن استئناف المفاوضات مع المملكة في الرياض"
    assert analyze(text) == ["اعلنت", "وزار", "خارج", "امريك", "استيناف", "مفاوض", "مملك", "رياض"]


def test_stopword_only_text_has_no_terms():
    assert analyze("في من إلى الذي هذه the of") == []


def test_analyze_matches_through_tashkeel_tatweel_and_zero_width_characters():
    assert analyze("المُـــفاوَضات") == analyze("مفاو\u200cضات") == ["مفاوض"]
