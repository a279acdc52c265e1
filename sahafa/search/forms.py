from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Section

# Dates outside this range are clamped: they would overflow once converted to UTC.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
MAX_PAGE = 10**6


class SearchForm(forms.Form):
    """The filters of a search: section and a date range (the words are read as they come,
    see ``query_text``). Invalid filters are reported and dropped; the search still runs."""

    section = forms.ModelChoiceField(
        Section.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Section"),
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("There is no such section.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" and "to" are the API's names, and Python keywords.
        self.fields["from"] = forms.DateField(
            required=False,
            label=_("From"),
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["to"] = forms.DateField(
            required=False,
            label=_("To"),
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("The start date must not be after the end date."))
            cleaned.pop("to", None)
        return cleaned

    def filters(self):
        """Keyword arguments for ``engine.search`` from the fields that are valid."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        start, end = cleaned.get("from"), cleaned.get("to")
        return {
            "section": cleaned.get("section"),
            "date_from": _start_of_day(_clamp(start)) if start else None,
            "date_to": _start_of_day(_clamp(end) + timedelta(days=1)) if end else None,
        }


def _clamp(day):
    return min(max(day, EARLIEST), LATEST)


def _start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def query_text(request):
    """The words as typed. NUL is the one character a database rejects; it is a space here."""
    return request.GET.get("q", "").replace("\x00", " ").strip()


def page_number(request):
    try:
        return min(max(1, int(request.GET.get("page", "1"))), MAX_PAGE)
    except ValueError:
        return 1
