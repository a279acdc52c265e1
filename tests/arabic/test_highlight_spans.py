from sahafa.arabic import analyze, analyze_with_spans


def marked(text):
    return [(text[start:end], term) for start, end, term in analyze_with_spans(text)]


def test_spans_cover_the_original_words_behind_each_term():
    text = "وقالت الوزارة إن المفاوضات مستمرة."
    assert marked(text) == [("الوزارة", "وزار"), ("المفاوضات", "مفاوض"), ("مستمرة", "مستمر")]


def test_spans_include_tashkeel_tatweel_and_invisible_characters_inside_words():
    text = "بدء المُـــفاوَضاتِ مع إي\u200cران"
    assert marked(text) == [("بدء", "بدء"), ("المُـــفاوَضاتِ", "مفاوض"), ("إي\u200cران", "اير")]


def test_spans_include_marks_that_follow_the_last_letter():
    assert marked("كتابٌ") == [("كتابٌ", "كتاب")]


def test_spans_of_digits_and_latin_words_point_at_the_original_characters():
    text = "قمة G20 في ٢٠٢٤م"
    assert marked(text) == [("قمة", "قمه"), ("G20", "g20"), ("٢٠٢٤", "2024")]


def test_span_terms_equal_analyze_in_the_same_order():
    text = "أعلنت وزارةُ الخارجية الأمريكية عن استئناف المفاوضات مع المسئولين في الرياض"
    assert [term for _, _, term in analyze_with_spans(text)] == analyze(text)


def test_empty_text_has_no_spans():
    assert analyze_with_spans("") == []
