from sahafa.arabic import shingles

STORY = "قالت وزارة الخارجية الأمريكية إن المفاوضات مع إيران ستستأنف الأسبوع المقبل في مسقط"
REWRITE = "وقالت وزارةُ الخارجيّة الأمريكيّة: إنّ المفاوضات مع ايران ستستأنف الاسبوع المقبل في مسقط"


def test_shingles_are_consecutive_index_terms():
    assert shingles("أعلنت الوزارة استئناف المفاوضات", k=2) == {
        "اعلنت وزار",
        "وزار استيناف",
        "استيناف مفاوض",
    }


def test_spelling_tashkeel_and_stopword_differences_do_not_change_shingles():
    assert shingles(STORY) == shingles(REWRITE)


def test_text_shorter_than_k_terms_is_one_shingle():
    assert shingles("المفاوضات مع إيران") == {"مفاوض اير"}


def test_text_without_terms_has_no_shingles():
    assert shingles("في من إلى") == set()
    assert shingles("") == set()
