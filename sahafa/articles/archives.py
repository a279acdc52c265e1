"""Date archives: `/2026/`, `/2026/11/`, `/2026/11/05/` list the articles published in that
year, month or day, days counted in the site's TIME_ZONE. Headings give the Gregorian
period with Arabic month names and its Hijri equivalent.

Each archive page carries its period's surrogate key (`archive-2026-11-05`,
`archive-2026-11`, `archive-2026`); `surrogate.keys_showing()` names the keys of an
article's publication date, so publishing, rescheduling or unpublishing it forgets those
pages (and their article counts) at once."""

import calendar
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sahafa.arabic import (
    format_gregorian,
    format_gregorian_month,
    format_hijri,
    format_hijri_span,
    format_weekday,
)
from sahafa.arabic.dates import GREGORIAN_MONTHS
from sahafa.arabic.digits import with_digits

from . import surrogate
from .models import Article
from .views import page_of

# Years whose first and last local midnights convert to UTC and back on every database.
MIN_YEAR, MAX_YEAR = 1000, 9998


def _period(year, month, day):
    """(first day, last day), or Http404 for a date the calendar does not have."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    try:
        first = date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        raise Http404 from None
    if day is not None:
        return first, first
    if month is not None:
        return first, first.replace(day=calendar.monthrange(year, month)[1])
    return first, first.replace(month=12, day=31)


def _midnight(day):
    """The first moment of `day` in the site's time zone (01:00 where the clocks skip it)."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def archive(request, year, month=None, day=None):
    first, last = _period(year, month, day)
    articles = Article.objects.published().filter(
        published_at__gte=_midnight(first), published_at__lt=_midnight(last + timedelta(days=1))
    )
    # The period's surrogate key, as surrogate.archive_keys() names it.
    pattern = "%Y" if month is None else "%Y-%m" if day is None else "%Y-%m-%d"
    key = "archive-" + first.strftime(pattern)
    page = page_of(request, articles.for_cards().newest_first(), key)
    if not page.paginator.count:
        # An empty period is no page (nor an old address of another site: a 404 that
        # django.contrib.redirects may answer).
        raise Http404
    surrogate.show(request, key, *surrogate.articles(page.object_list))
    resolved = request.resolver_match
    return render(
        request,
        "articles/archive.html",
        {
            "page": page,
            "canonical": reverse(resolved.view_name, kwargs=resolved.kwargs),
            **_headings(articles, first, last, month, day),
        },
    )


def _headings(articles, first, last, month, day):
    """The heading, its Hijri equivalent, the links up (year, month) and down (the months
    or days that have articles) of an archive page."""
    digits = settings.SAHAFA_DIGITS
    year = (with_digits(str(first.year), digits), year_url(first))
    if day is not None:
        return {
            "heading": f"{format_weekday(first)} {format_gregorian(first, digits)}",
            "hijri": format_hijri(first, digits),
            "up": [year, (format_gregorian_month(first.year, month, digits), month_url(first))],
        }
    if month is not None:
        return {
            "heading": format_gregorian_month(first.year, month, digits),
            "hijri": format_hijri_span(first, last, digits),
            "up": [year],
            "periods_label": _("Days of the month"),
            "periods": [
                (with_digits(str(moment.day), digits), day_url(moment))
                for moment in _starts(articles, "day")
            ],
        }
    return {
        "heading": year[0],
        "hijri": format_hijri_span(first, last, digits),
        "periods_label": _("Months of the year"),
        "periods": [
            (GREGORIAN_MONTHS[moment.month - 1], month_url(moment))
            for moment in _starts(articles, "month")
        ],
    }


def _starts(articles, kind):
    """The months or days of the period that have articles, in the site's time zone."""
    return articles.datetimes("published_at", kind, tzinfo=timezone.get_default_timezone())


def year_url(day):
    return reverse("articles:archive-year", args=[day.year])


def month_url(day):
    return reverse("articles:archive-month", args=[day.year, day.month])


def day_url(day):
    return reverse("articles:archive-day", args=[day.year, day.month, day.day])
