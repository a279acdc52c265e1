"""`{% most_read %}` (the «الأكثر قراءة» box) and `{% view_beacon article %}` (the script that
counts a view): how reader pages show and count views without the articles app knowing
this one."""

from django import template
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from sahafa.arabic.digits import to_arabic_digits
from sahafa.articles import fragments, surrogate

from .. import counting, lists

register = template.Library()


@register.simple_tag(takes_context=True)
def most_read(context, windows="24h 7d", section=None):
    """The lists of `windows` ("24h", "7d" or both), for the site or `section`: the box is
    made once per content version (the lists' refresh purges `most-read`)."""
    request = context.get("request")
    section_id = getattr(section, "pk", None)

    def box():
        boxes = []
        shown = []
        for window in windows.split():
            entries = lists.articles(window, section_id)
            ranked = [
                {"rank": to_arabic_digits(str(rank)), "article": article, "views": views}
                for rank, (article, views) in enumerate(entries, start=1)
            ]
            shown.extend(article for article, _views in entries)
            if ranked:
                boxes.append({"window": window, "entries": ranked})
        if request is not None:
            surrogate.show(request, lists.SURROGATE_KEY, *surrogate.articles(shown))
        html = loader.render_to_string(
            "mostread/most_read.html", {"boxes": boxes, "section": section}
        )
        return mark_safe(html)

    return fragments.kept(("most-read", windows, section_id), box, request)


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
