from datetime import date, datetime, time

import pytest
from hijridate import Gregorian

from sahafa.arabic import (
    format_gregorian,
    format_hijri,
    format_time,
    format_weekday,
    to_arabic_digits,
    to_latin_digits,
)

SUNDAY = date(2026, 11, 29)


def test_gregorian_date_uses_arabic_month_names():
    assert format_gregorian(SUNDAY) == "29 نوفمبر 2026"
    assert format_gregorian(date(2025, 1, 5)) == "5 يناير 2025"
    assert format_gregorian(date(2025, 8, 15)) == "15 أغسطس 2025"


def test_gregorian_date_with_arabic_indic_digits():
    assert format_gregorian(SUNDAY, digits="arab") == "٢٩ نوفمبر ٢٠٢٦"


def test_hijri_date_follows_umm_al_qura():
    hijri = Gregorian(2026, 11, 29).to_hijri()
    assert (hijri.day, hijri.month, hijri.year) == (19, 6, 1448)
    assert format_hijri(SUNDAY) == "19 جمادى الآخرة 1448 هـ"
    assert format_hijri(date(2026, 2, 18)) == "1 رمضان 1447 هـ"
    assert format_hijri(date(2026, 5, 27)) == "10 ذو الحجة 1447 هـ"


def test_hijri_date_with_arabic_indic_digits():
    assert format_hijri(SUNDAY, digits="arab") == "١٩ جمادى الآخرة ١٤٤٨ هـ"


@pytest.mark.parametrize("outside", [date(1900, 1, 1), date(1924, 7, 31), date(2077, 11, 17)])
def test_hijri_date_outside_the_calendar_range_is_empty(outside):
    assert format_hijri(outside) == ""


def test_hijri_date_at_the_edges_of_the_calendar_range():
    assert format_hijri(date(1924, 8, 1)) == "1 محرم 1343 هـ"
    assert format_hijri(date(2077, 11, 16)) != ""


def test_time_is_24_hour_with_leading_zeros():
    assert format_time(time(14, 5)) == "14:05"
    assert format_time(time(9, 0)) == "09:00"
    assert format_time(datetime(2026, 11, 29, 23, 59, 30)) == "23:59"
    assert format_time(time(14, 5), digits="arab") == "١٤:٠٥"


def test_weekdays_are_named_from_sunday_to_saturday():
    names = [format_weekday(date(2026, 11, 29 + offset)) for offset in range(2)] + [
        format_weekday(date(2026, 12, day)) for day in range(1, 6)
    ]
    assert names == ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]


def test_digits_convert_both_ways_and_persian_digits_read_as_latin():
    assert to_arabic_digits("14:05 في 2026") == "١٤:٠٥ في ٢٠٢٦"
    assert to_latin_digits("١٤:٠٥ في ٢٠٢٦") == "14:05 في 2026"
    assert to_latin_digits("۱۴۰۳") == "1403"


def test_unknown_digit_system_is_rejected():
    with pytest.raises(ValueError, match="digits"):
        format_gregorian(SUNDAY, digits="hindi")
