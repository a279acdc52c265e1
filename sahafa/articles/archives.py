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

from sahafa.arabic import (
    format_gregorian,
    format_gregorian_month,
    format_hijri,
    format_hijri_span,
    format_weekday,
)
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
    digits = settings.SAHAFA_DIGITS
    if day is not None:
        key = f"archive-{first:%Y-%m-%d}"
        heading = f"{format_weekday(first)} {format_gregorian(first, digits)}"
        hijri = format_hijri(first, digits)
        up = [(format_gregorian_month(year, month, digits), month_url(first))]
    elif month is not None:
        key = f"archive-{first:%Y-%m}"
        heading = format_gregorian_month(year, month, digits)
        hijri = format_hijri_span(first, last, digits)
        up = []
    else:
        key = f"archive-{first:%Y}"
        heading = with_digits(str(year), digits)
        hijri = format_hijri_span(first, last, digits)
        up = []
    if month is not None:
        up.insert(0, (with_digits(str(year), digits), year_url(first)))
    page = page_of(request, articles.for_cards().newest_first(), key)
    if not page.paginator.count:
        # An empty period is no page (nor an old address of another site: a 404 that
        # django.contrib.redirects may answer).
        raise Http404
    surrogate.show(request, key, *surrogate.articles(page.object_list))
    return render(
        request,
        "articles/archive.html",
        {
            "page": page,
            "heading": heading,
            "hijri": hijri,
            "up": up,
            "canonical": reverse(
                request.resolver_match.view_name, kwargs=request.resolver_match.kwargs
            ),
        },
    )


def year_url(day):
    return reverse("articles:archive-year", args=[day.year])


def month_url(day):
    return reverse("articles:archive-month", args=[day.year, day.month])


def day_url(day):
    return reverse("articles:archive-day", args=[day.year, day.month, day.day])
