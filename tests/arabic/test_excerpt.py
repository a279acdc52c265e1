from sahafa.arabic import excerpt

HEADLINE = "أعلنت وزارة الخارجية الأمريكية، اليوم الأحد، عن بدء جولة جديدة من المفاوضات مع إيران"


def test_text_that_fits_is_returned_with_whitespace_collapsed():
    assert excerpt("  خبر \n عاجل  ") == "خبر عاجل"
    assert excerpt(HEADLINE, max_chars=len(HEADLINE)) == HEADLINE


def test_long_text_is_cut_at_a_word_boundary_and_gets_an_ellipsis():
    assert excerpt(HEADLINE, max_chars=40) == "أعلنت وزارة الخارجية الأمريكية، اليوم…"


def test_trailing_arabic_comma_before_the_cut_is_dropped():
    assert excerpt(HEADLINE, max_chars=32) == "أعلنت وزارة الخارجية الأمريكية…"


def test_trailing_latin_punctuation_and_dashes_are_dropped():
    assert excerpt("Talks resume - officials say", max_chars=14) == "Talks resume…"
    assert excerpt("قال الوزير: إن المحادثات ستستمر", max_chars=12) == "قال الوزير…"


def test_orphan_opening_quote_or_bracket_is_dropped():
    assert excerpt("قال الوزير « إن المحادثات ستستمر »", max_chars=13) == "قال الوزير…"
    assert excerpt("المفاوضات ( الجولة الثانية )", max_chars=12) == "المفاوضات…"


def test_quote_attached_to_a_word_is_kept():
    assert excerpt("قال «نعم للاتفاق» أمس", max_chars=9) == "قال «نعم…"


def test_result_never_exceeds_max_chars_plus_the_ellipsis():
    for max_chars in range(len("أعلنت"), len(HEADLINE) + 1):
        assert len(excerpt(HEADLINE, max_chars)) <= max_chars + 1


def test_first_word_longer_than_the_limit_is_kept_whole():
    assert excerpt("والمفاوضات الجارية", max_chars=5) == "والمفاوضات…"


def test_empty_text_gives_empty_excerpt():
    assert excerpt("") == ""
    assert excerpt("   ") == ""
