"""A reader types a headline the way people type on a phone, and still finds the story."""

import pytest

from sahafa.search.engine import search
from tests.factories import make_article


def headlines(query):
    return [article.headline for article in search(query).articles]


@pytest.fixture
def sanctions_story(db):
    return make_article(
        headline="الخارجية الأمريكية تعلن استئناف المفاوضات مع كوريا الشمالية",
        body="<p>وقالت الوزارة إن والمفاوضات ستبدأ في جنيف.</p>",
    )


def test_reader_without_hamza_and_with_ha_finds_the_american_story(sanctions_story):
    assert headlines("الامريكيه") == [sanctions_story.headline]


def test_reader_typing_bare_negotiations_finds_the_word_with_waw_and_al(db):
    story = make_article(
        headline="جولة جديدة في جنيف", body="<p>وبدأت والمفاوضات بين الطرفين صباح اليوم.</p>"
    )
    assert headlines("مفاوضات") == [story.headline]


@pytest.mark.parametrize(
    "query",
    [
        "الأمريكية",  # as written
        "الامريكية",  # hamza dropped
        "الأمريكيه",  # ta marbuta typed as ha
        "الأَمْرِيكِيَّة",  # stray tashkeel
        "الأمريكـــية",  # tatweel
        "أمريكي",  # without al- and the feminine ending
        "والأمريكيين",  # with wa- and a plural
        "استيناف",  # hamza seat dropped
        "المفاوضات الامريكيه",  # several words, any order
    ],
)
def test_spelling_variants_meet_in_the_index(sanctions_story, query):
    assert headlines(query) == [sanctions_story.headline]


def test_alef_maqsura_and_ya_are_the_same_letter(db):
    story = make_article(headline="مستشفى الملك فهد يستقبل المصابين")
    assert headlines("مستشفي") == [story.headline]
    assert headlines("مستشفى") == [story.headline]


def test_arabic_indic_digits_find_latin_digits(db):
    story = make_article(headline="ميزانية 2016 تتجاوز التوقعات")
    assert headlines("ميزانيه ٢٠١٦") == [story.headline]


def test_mixed_arabic_and_english_headlines_are_searchable_in_both(db):
    story = make_article(headline="قمة G20 تبحث العقوبات على Russia")
    assert headlines("g20") == [story.headline]
    assert headlines("RUSSIA") == [story.headline]


def test_tags_authors_and_section_names_are_searchable(db):
    from tests.factories import make_author, make_section

    story = make_article(
        headline="افتتاح معرض الكتاب",
        section=make_section("ثقافة"),
        tags=["معرض الرياض الدولي"],
        authors=[make_author("منى الشهري")],
    )
    assert headlines("الشهري") == [story.headline]
    assert headlines("الدولي") == [story.headline]
    assert headlines("الثقافة") == [story.headline]


def test_kicker_and_standfirst_are_searchable(db):
    story = make_article(
        headline="القرار الأخير",
        kicker="بعد اجتماع طارئ",
        standfirst="مجلس الوزراء يقر خطة الإسكان",
    )
    assert headlines("طارئ") == [story.headline]
    assert headlines("الاسكان") == [story.headline]


def test_a_proclitic_typed_before_a_word_still_finds_it(db):
    egypt = make_article(headline="مصر تستضيف القمة العربية", kicker="", body="")
    government = make_article(headline="الحكومة تقر الميزانية", kicker="", body="")
    assert headlines("ومصر") == [egypt.headline]
    assert headlines("لحكومة الميزانية") == [government.headline]
    assert headlines("بالحكومة") == [government.headline]


def test_a_word_that_merely_starts_like_a_proclitic_is_still_found_whole(db):
    story = make_article(headline="بريطانيا ولبنان يوقعان اتفاقية", kicker="", body="")
    assert headlines("بريطانيا") == [story.headline]
    assert headlines("لبنان") == [story.headline]


def test_a_proclitic_on_a_stopword_is_a_stopword(db):
    story = make_article(headline="العقوبات تتواصل", kicker="", body="")
    assert headlines("العقوبات لخلال") == [story.headline]
    assert headlines("بعبر العقوبات") == [story.headline]
