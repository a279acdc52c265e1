"""Arabic dates and small presentation helpers for reader templates."""

import json
from datetime import timedelta

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from sahafa.arabic import (
    excerpt,
    format_gregorian,
    format_hijri,
    format_time,
    format_weekday,
    relative_time,
)
from sahafa.articles.bidi import isolated_html

register = template.Library()

# Cards younger than this show «منذ 3 ساعات»; older ones their date.
RELATIVE_TIME_LIMIT = timedelta(hours=24)

# The characters that could close or confuse a <script> element, as JSON escapes.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _local(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def arabic_date(value):
    """«الأحد 29 نوفمبر 2026»"""
    if not value:
        return ""
    local = _local(value)
    day = local.date() if hasattr(local, "date") else local
    return f"{format_weekday(day)} {format_gregorian(day, digits=settings.SAHAFA_DIGITS)}"


@register.filter
def hijri_date(value):
    """«18 جمادى الآخرة 1448 هـ», or "" outside the Umm al-Qura tables."""
    if not value:
        return ""
    local = _local(value)
    return format_hijri(local.date() if hasattr(local, "date") else local, settings.SAHAFA_DIGITS)


@register.filter
def arabic_time(value):
    return format_time(_local(value), settings.SAHAFA_DIGITS) if value else ""


@register.simple_tag
def dateline_time(value):
    """A <time> element with the Gregorian date, the Hijri date beside it, and the time:
    «الأحد 29 نوفمبر 2026 · 18 جمادى الآخرة 1448 هـ · 14:05»."""
    if not value:
        return ""
    hijri = hijri_date(value)
    return format_html(
        '<time datetime="{}"><span class="gregorian">{}</span>{}'
        '<span class="sep" aria-hidden="true"> · </span><span class="clock">{}</span></time>',
        _local(value).isoformat(),
        arabic_date(value),
        format_html(
            '<span class="sep" aria-hidden="true"> · </span><span class="hijri">{}</span>', hijri
        )
        if hijri
        else "",
        arabic_time(value),
    )


@register.simple_tag
def today_dateline():
    """Today in the masthead, Gregorian and Hijri, as Arabic newspapers print it."""
    now = timezone.now()
    hijri = hijri_date(now)
    return format_html(
        '<time datetime="{}">{}{}</time>',
        _local(now).date().isoformat(),
        arabic_date(now),
        format_html('<span class="sep" aria-hidden="true"> · </span>{}', hijri) if hijri else "",
    )


@register.simple_tag
def card_time(value):
    """«منذ 3 ساعات» for fresh news, the Gregorian date after a day, in a <time> element."""
    if not value:
        return ""
    age = timezone.now() - value
    if timedelta(0) <= age < RELATIVE_TIME_LIMIT:
        text = relative_time(age.total_seconds(), settings.SAHAFA_DIGITS)
    else:
        local = _local(value)
        text = format_gregorian(local.date(), settings.SAHAFA_DIGITS)
    return format_html('<time datetime="{}">{}</time>', _local(value).isoformat(), text)


@register.filter(is_safe=True)
def isolate(text):
    """Escaped ``text`` with each Latin run in <bdi>, for Arabic blocks laid out right to left
    whatever their first letter: «<bdi>OPEC+</bdi> تبحث…» keeps its «+» where it belongs."""
    return isolated_html(str(text) if text is not None else "")


@register.filter
def cut(text, max_chars=120):
    """Excerpt at a word boundary ending with «…»."""
    return excerpt(text or "", int(max_chars))


@register.simple_tag
def byline_links(authors):
    """The authors' linked names, joined as the language joins a list: the pattern is in
    the catalogue because Arabic writes the conjunction onto the next name («أحمد وعمر»)."""
    links = [
        format_html('<a href="{}" rel="author"><bdi>{}</bdi></a>', a.get_absolute_url(), a.name)
        for a in authors
    ]
    if len(links) < 2:
        return mark_safe("".join(links))
    pattern = conditional_escape(gettext("%(names)s and %(last)s"))
    return mark_safe(pattern % {"names": "، ".join(links[:-1]), "last": links[-1]})


@register.simple_tag
def article_json_ld(article):
    """schema.org NewsArticle for search engines. Only public facts about the article."""
    base = settings.SAHAFA_BASE_URL
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "inLanguage": "ar",
        "mainEntityOfPage": base + article.get_absolute_url(),
        "articleSection": article.section.name,
        "author": [
            {"@type": "Person", "name": author.name, "url": base + author.get_absolute_url()}
            for author in article.byline_authors
        ],
        "publisher": {"@type": "NewsMediaOrganization", "name": settings.SAHAFA_SITE_NAME},
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
        data["dateModified"] = (article.materially_updated_at or article.published_at).isoformat()
    if article.lead_image:
        data["image"] = [base + article.lead_image.url]
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
