"""«هل تقصد»: corrections come from the words the index actually holds."""

from sahafa.search.models import SearchTerm
from sahafa.search.suggestions import suggest
from tests.factories import make_article


def test_a_typo_is_corrected_to_the_word_as_articles_write_it(db):
    make_article(headline="الأمريكية تبدأ والمفاوضات مع إيران")
    assert suggest("الامريكيع") == "الأمريكية"
    assert suggest("مفاوظات") == "والمفاوضات"


def test_known_words_are_left_alone_and_only_the_typo_changes(db):
    make_article(headline="الأمريكية تبدأ والمفاوضات مع إيران")
    assert suggest("الامريكيه") == ""
    assert suggest("مفاوضات ايرن") == "مفاوضات إيران"


def test_the_most_frequent_close_word_wins(db):
    for _ in range(3):
        make_article(headline="ارتفاع أسعار الذهب")
    make_article(headline="الذهاب إلى المدرسة")
    assert SearchTerm.objects.get(term="ذهب").documents == 3
    assert suggest("الذهن") == "الذهب"


def test_nothing_close_means_no_suggestion(db):
    make_article(headline="الأمريكية تبدأ والمفاوضات مع إيران")
    assert suggest("كمبيوتر") == ""
    assert suggest("") == ""


def test_a_letter_typed_for_its_dotted_twin_beats_a_more_frequent_word(db):
    # «نفظ» is one edit from both «نفط» and «نفس»; «نفس» is in more articles, but ظ for ط
    # is the slip readers make (one shape, other dots; neighbouring keys).
    for _ in range(5):
        make_article(headline="الرياضة والصحة النفسية للشباب", body="<p>في نفس اليوم</p>")
    make_article(headline="أسعار النفط ترتفع", body="<p>نفط الخليج يصل إلى آسيا</p>")
    documents = dict(SearchTerm.objects.values_list("term", "documents"))
    assert documents["نفس"] > documents["نفط"]
    assert suggest("نفظ") == "نفط"


def test_a_long_query_of_unknown_words_costs_a_fixed_number_of_queries(
    db, django_assert_max_num_queries
):
    make_article(headline="الأمريكية تبدأ والمفاوضات مع إيران")
    letters = "بتثجحخسشصضطظعغ"
    garbage = " ".join(f"ك{a}ل{b}م" for a in letters for b in letters)
    typo_then_garbage = "مفاوظات " + garbage
    # Known words, every candidate, and one lookup (search plus article) per correction.
    with django_assert_max_num_queries(2 + 2 * 3):
        assert suggest(typo_then_garbage).startswith("والمفاوضات ")
