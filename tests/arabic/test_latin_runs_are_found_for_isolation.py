"""The Latin names inside Arabic copy are found whole, so a page can isolate them: a
newspaper's headlines name OPEC+, G20, the iPhone 15 and the New York Times."""

import pytest

from sahafa.arabic.bidi import latin_runs


def runs(text):
    return [text[start:end] for start, end in latin_runs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPEC+ تبحث خفض الإنتاج", ["OPEC+"]),
        ("قمة G20 في 2024: “نعم”", ["G20"]),
        ("أبل تطلق iPhone 15 في الرياض", ["iPhone 15"]),
        ("نقلت The New York Times عن مصادر", ["The New York Times"]),
        ("قالت U.S. إن", ["U.S"]),
        ("لغة C# وC++ في المدارس", ["C#", "C++"]),
        ("وصل سعر البرميل إلى 80 دولاراً.", []),
        ("", []),
        ("Only English here.", ["Only English here"]),
        (
            "التفاصيل على https://opec.org/press?id=7&lang=ar.",
            ["https://opec.org/press?id=7&lang=ar"],
        ),
        ("راجع (www.opec.org/نشرة) اليوم", ["www.opec.org/نشرة"]),
        ("إصابات COVID-19 تتراجع", ["COVID-19"]),
    ],
)
def test_each_latin_run_is_found_whole_and_the_sentence_keeps_its_punctuation(text, expected):
    assert runs(text) == expected
