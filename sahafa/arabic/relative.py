"""«منذ 5 ساعات»: elapsed time in Arabic with correct number agreement."""

import math
from typing import NamedTuple

from .digits import with_digits


class _Noun(NamedTuple):
    singular: str  # 1, and 100, 200, 101, 102… (genitive singular)
    dual: str  # 2
    plural: str  # 3-10
    accusative: str  # 11-99 (tamyiz: indefinite accusative singular)


_UNITS = {
    "minute": _Noun("دقيقة", "دقيقتين", "دقائق", "دقيقة"),
    "hour": _Noun("ساعة", "ساعتين", "ساعات", "ساعة"),
    "day": _Noun("يوم", "يومين", "أيام", "يوما"),
    "week": _Noun("أسبوع", "أسبوعين", "أسابيع", "أسبوعا"),
    "month": _Noun("شهر", "شهرين", "أشهر", "شهرا"),
    "year": _Noun("سنة", "سنتين", "سنوات", "سنة"),
}
_MINUTE = 60
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_WEEK = 7 * _DAY
_MONTH = 30 * _DAY
_YEAR = 365 * _DAY


def count_phrase(count: int, unit: str, digits: str = "latn") -> str:
    """Counted noun with Arabic agreement: «دقيقة», «دقيقتين», «3 دقائق», «11 دقيقة», «100 يوم».

    ``unit`` is one of minute, hour, day, week, month, year. The form follows the last two
    digits of the number, as in «103 أيام» and «111 يوما». One and two use the bare
    singular and dual, without a numeral.
    """
    noun = _UNITS[unit]
    if count == 1:
        return noun.singular
    if count == 2:
        return noun.dual
    last_two = count % 100
    if 3 <= last_two <= 10:
        form = noun.plural
    elif 11 <= last_two <= 99:
        form = noun.accusative
    else:
        form = noun.singular
    return with_digits(f"{count} {form}", digits)


def relative_time(seconds: float, digits: str = "latn") -> str:
    """How long ago, given elapsed ``seconds``: «الآن», «منذ دقيقتين», «منذ 3 أسابيع»…

    Less than a minute, negative (clock skew) or non-finite input reads «الآن».
    """
    if not math.isfinite(seconds) or seconds < _MINUTE:
        return "الآن"
    elapsed = int(seconds)
    for unit, size, next_size in (
        ("minute", _MINUTE, _HOUR),
        ("hour", _HOUR, _DAY),
        ("day", _DAY, _WEEK),
        ("week", _WEEK, _MONTH),
        ("month", _MONTH, _YEAR),
    ):
        if elapsed < next_size:
            return "منذ " + count_phrase(elapsed // size, unit, digits)
    return "منذ " + count_phrase(elapsed // _YEAR, "year", digits)
