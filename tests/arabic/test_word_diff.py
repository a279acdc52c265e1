"""Word-level differences between two versions of Arabic text (sahafa.arabic.diff)."""

from sahafa.arabic.diff import DELETED, INSERTED, SAME, Word, word_diff


def test_words_added_and_removed_are_marked_on_their_side():
    left, right = word_diff("انتهى الاجتماع اليوم", "انتهى الاجتماع الطارئ أمس")

    assert left == [[Word(SAME, "انتهى"), Word(SAME, "الاجتماع"), Word(DELETED, "اليوم")]]
    assert right == [
        [
            Word(SAME, "انتهى"),
            Word(SAME, "الاجتماع"),
            Word(INSERTED, "الطارئ"),
            Word(INSERTED, "أمس"),
        ]
    ]


def test_tatweel_aligns_but_a_changed_hamza_seat_is_still_shown():
    left, right = word_diff("قال المسئول الكـــبير", "قال المسؤول الكبير")

    assert [word.kind for word in left[0]] == [SAME, DELETED, DELETED]
    assert [word.kind for word in right[0]] == [SAME, INSERTED, INSERTED]
    # Aligned word for word: nothing was added or dropped, only respelled.
    assert len(left[0]) == len(right[0]) == 3


def test_paragraphs_are_kept_and_identical_texts_have_no_marks():
    text = "الفقرة الأولى.\n\nالفقرة الثانية."
    left, right = word_diff(text, text)

    assert (
        left
        == right
        == [
            [Word(SAME, "الفقرة"), Word(SAME, "الأولى.")],
            [Word(SAME, "الفقرة"), Word(SAME, "الثانية.")],
        ]
    )
