"""Arabic date and time formatting: Gregorian, Hijri (Umm al-Qura), weekday and clock time."""

from datetime import date, time

from hijridate import Gregorian

from .digits import with_digits

GREGORIAN_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
HIJRI_MONTHS = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)  # fmt: skip
# Indexed by date.weekday(), which starts the week on Monday.
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
HIJRI_ERA = "هـ"


def format_gregorian(d: date, digits: str = "latn") -> str:
    """«29 نوفمبر 2026»; ``digits="arab"`` gives «٢٩ نوفمبر ٢٠٢٦»."""
    return with_digits(f"{d.day} {GREGORIAN_MONTHS[d.month - 1]} {d.year}", digits)


def format_hijri(d: date, digits: str = "latn") -> str:
    """Umm al-Qura date such as «19 جمادى الآخرة 1448 هـ»; "" outside the calendar's range.

    hijridate covers Gregorian 1924-08-01 to 2077-11-16.
    """
    try:
        hijri = Gregorian(d.year, d.month, d.day).to_hijri()
    except (OverflowError, ValueError):
        return ""
    return with_digits(
        f"{hijri.day} {HIJRI_MONTHS[hijri.month - 1]} {hijri.year} {HIJRI_ERA}", digits
    )


def format_time(t: time, digits: str = "latn") -> str:
    """24-hour clock time «14:05» (also accepts a datetime)."""
    return with_digits(f"{t.hour:02d}:{t.minute:02d}", digits)


def format_weekday(d: date) -> str:
    """Arabic weekday name, «الأحد» to «السبت»."""
    return WEEKDAYS[d.weekday()]
