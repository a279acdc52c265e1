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
