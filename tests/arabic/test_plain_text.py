from sahafa.arabic import plain_text


def test_block_elements_become_lines():
    html = "<h2>عاجل</h2><p>الفقرة الأولى</p><div>الثانية</div><blockquote>اقتباس</blockquote>"
    assert plain_text(html) == "عاجل\nالفقرة الأولى\nالثانية\nاقتباس"


def test_line_breaks_and_list_items_become_lines():
    assert plain_text("سطر<br>سطر آخر<br/>ثالث") == "سطر\nسطر آخر\nثالث"
    assert plain_text("<ul><li>أولا</li><li>ثانيا</li></ul>") == "أولا\nثانيا"


def test_inline_elements_do_not_split_words():
    assert plain_text("<p>ال<b>مفاوضات</b> <a href='#'>الجارية</a></p>") == "المفاوضات الجارية"


def test_entities_are_decoded():
    assert plain_text("<p>أ &amp; ب&nbsp;&laquo;ج&raquo; &#1583;</p>") == "أ & ب «ج» د"


def test_script_and_style_content_is_dropped():
    html = "<style>p{color:red}</style><p>نص</p><script>alert('<p>x</p>')</script><p>آخر</p>"
    assert plain_text(html) == "نص\nآخر"


def test_whitespace_is_collapsed_inside_paragraphs_and_empty_ones_dropped():
    html = "<p>  كلمة\n\n   أخرى\t</p><p> </p><p></p>\n<p>ثالثة</p>"
    assert plain_text(html) == "كلمة أخرى\nثالثة"


def test_plain_text_without_markup_passes_through():
    assert plain_text("نص عادي") == "نص عادي"


def test_broken_markup_still_yields_its_text():
    assert plain_text("<p>نص <b>غير مغلق<p>فقرة <") == "نص غير مغلق\nفقرة <"
