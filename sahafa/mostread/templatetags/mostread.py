"""`{% most_read %}` (the «الأكثر قراءة» box) and `{% view_beacon article %}` (the script that
counts a view): how reader pages show and count views without the articles app knowing
this one."""

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from sahafa.arabic.digits import to_arabic_digits
from sahafa.articles import surrogate

from .. import counting, lists

register = template.Library()


@register.inclusion_tag("mostread/most_read.html", takes_context=True)
def most_read(context, windows="24h 7d", section=None):
    """The lists of `windows` ("24h", "7d" or both), for the site or `section`."""
    boxes = []
    shown = []
    for window in windows.split():
        entries = lists.articles(window, getattr(section, "pk", None))
        ranked = [
            {"rank": to_arabic_digits(str(rank)), "article": article, "views": views}
            for rank, (article, views) in enumerate(entries, start=1)
        ]
        shown.extend(article for article, _views in entries)
        if ranked:
            boxes.append({"window": window, "entries": ranked})
    if "request" in context:
        surrogate.show(context["request"], lists.SURROGATE_KEY, *surrogate.articles(shown))
    return {"boxes": boxes, "section": section}


@register.simple_tag
def view_beacon(article):
    url = (
        reverse("mostread:beacon")
        + "?"
        + urlencode({"a": article.pk, "s": counting.signature(article.pk)})
    )
    return format_html(
        '<script src="{}" defer data-beacon="{}"></script>', static("mostread/beacon.js"), url
    )
