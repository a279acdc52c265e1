import pytest

from sahafa.arabic import count_phrase, relative_time

MINUTE, HOUR, DAY = 60, 3600, 86400


@pytest.mark.parametrize(
    ("seconds", "phrase"),
    [
        (0, "الآن"),
        (59.9, "الآن"),
        (60, "منذ دقيقة"),
        (2 * MINUTE, "منذ دقيقتين"),
        (3 * MINUTE, "منذ 3 دقائق"),
        (10 * MINUTE, "منذ 10 دقائق"),
        (11 * MINUTE, "منذ 11 دقيقة"),
        (59 * MINUTE + 59, "منذ 59 دقيقة"),
        (HOUR, "منذ ساعة"),
        (2 * HOUR, "منذ ساعتين"),
        (5 * HOUR, "منذ 5 ساعات"),
        (23 * HOUR, "منذ 23 ساعة"),
        (DAY, "منذ يوم"),
        (2 * DAY, "منذ يومين"),
        (4 * DAY, "منذ 4 أيام"),
        (7 * DAY, "منذ أسبوع"),
        (14 * DAY, "منذ أسبوعين"),
        (21 * DAY, "منذ 3 أسابيع"),
        (30 * DAY, "منذ شهر"),
        (60 * DAY, "منذ شهرين"),
        (90 * DAY, "منذ 3 أشهر"),
        (330 * DAY, "منذ 11 شهرا"),
        (365 * DAY, "منذ سنة"),
        (730 * DAY, "منذ سنتين"),
        (3 * 365 * DAY, "منذ 3 سنوات"),
        (11 * 365 * DAY, "منذ 11 سنة"),
        (100 * 365 * DAY, "منذ 100 سنة"),
    ],
)
def test_relative_time_agrees_with_the_count(seconds, phrase):
    assert relative_time(seconds) == phrase


@pytest.mark.parametrize("seconds", [-5, float("nan"), float("inf"), float("-inf")])
def test_negative_or_non_finite_elapsed_time_reads_as_now(seconds):
    assert relative_time(seconds) == "الآن"


def test_relative_time_with_arabic_indic_digits():
    assert relative_time(5 * HOUR, digits="arab") == "منذ ٥ ساعات"


@pytest.mark.parametrize(
    ("count", "phrase"),
    [
        (1, "يوم"),
        (2, "يومين"),
        (3, "3 أيام"),
        (10, "10 أيام"),
        (11, "11 يوما"),
        (99, "99 يوما"),
        (100, "100 يوم"),
        (101, "101 يوم"),
        (102, "102 يوم"),
        (103, "103 أيام"),
        (111, "111 يوما"),
        (1000, "1000 يوم"),
    ],
)
def test_count_phrase_follows_the_last_two_digits_of_large_numbers(count, phrase):
    assert count_phrase(count, "day") == phrase


def test_feminine_units_have_no_accusative_alef():
    assert count_phrase(25, "minute") == "25 دقيقة"
    assert count_phrase(25, "year") == "25 سنة"
    assert count_phrase(25, "month") == "25 شهرا"
