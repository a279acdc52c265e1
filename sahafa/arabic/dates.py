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


def _hijri(d: date):
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri()
    except (OverflowError, ValueError):
        return None


def format_gregorian_month(year: int, month: int, digits: str = "latn") -> str:
    """«نوفمبر 2026»."""
    return with_digits(f"{GREGORIAN_MONTHS[month - 1]} {year}", digits)


def format_hijri_span(first: date, last: date, digits: str = "latn") -> str:
    """The Hijri months a span of Gregorian days falls in, for an archive heading:
    «جمادى الأولى – جمادى الآخرة 1448 هـ» for a month, «1447 – 1448 هـ» for a year (a span
    longer than two months names years only); "" outside the Umm al-Qura tables."""
    start, end = _hijri(first), _hijri(last)
    if start is None or end is None:
        return ""
    if (last - first).days > 62:
        years = f"{start.year}" if start.year == end.year else f"{start.year} – {end.year}"
        text = f"{years} {HIJRI_ERA}"
    elif (start.year, start.month) == (end.year, end.month):
        text = f"{HIJRI_MONTHS[start.month - 1]} {start.year} {HIJRI_ERA}"
    elif start.year == end.year:
        text = (
            f"{HIJRI_MONTHS[start.month - 1]} – {HIJRI_MONTHS[end.month - 1]} "
            f"{start.year} {HIJRI_ERA}"
        )
    else:
        text = (
            f"{HIJRI_MONTHS[start.month - 1]} {start.year} – "
            f"{HIJRI_MONTHS[end.month - 1]} {end.year} {HIJRI_ERA}"
        )
    return with_digits(text, digits)


def format_time(t: time, digits: str = "latn") -> str:
    """24-hour clock time «14:05» (also accepts a datetime)."""
    return with_digits(f"{t.hour:02d}:{t.minute:02d}", digits)


def format_weekday(d: date) -> str:
    """Arabic weekday name, «الأحد» to «السبت»."""
    return WEEKDAYS[d.weekday()]
