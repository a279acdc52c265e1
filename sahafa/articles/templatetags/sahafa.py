"""Arabic dates and small presentation helpers for reader templates."""

import json
from datetime import timedelta

from django import template
from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
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
from sahafa.articles import fragments
from sahafa.articles.bidi import isolated_html
from sahafa.articles.models import Byline

register = template.Library()

# Cards younger than this show «منذ 3 ساعات»; older ones their date.
RELATIVE_TIME_LIMIT = timedelta(hours=24)

# The logo's side in pixels (sahafa/static/sahafa/logo.png).
LOGO_SIZE = 512
# [function(article, data)]: add-ons that say more about an article in its JSON-LD, each
# changing `data` in place; registered in their AppConfig.ready() (sahafa/live makes a
# live blog's a LiveBlogPosting).
JSON_LD_ADDITIONS = []
# [function(article, lead) -> HTML or None]: an article's picture on listings when an add-on
# has a better one than the uploaded original (sahafa/media: the library image's
# renditions); the last registered wins. Cards keep it with the rest of their HTML.
CARD_PICTURES = []
BYLINE_WITH_AUTHORS = Prefetch("byline_set", Byline.objects.select_related("author"))
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
def dateline_time(value, archive=False):
    """A <time> element with the Gregorian date, the Hijri date beside it, and the time:
    «الأحد 29 نوفمبر 2026 · 18 جمادى الآخرة 1448 هـ · 14:05». With `archive`, the date links
    to that day's archive (/2026/11/29/)."""
    if not value:
        return ""
    hijri = hijri_date(value)
    local = _local(value)
    gregorian = format_html('<span class="gregorian">{}</span>', arabic_date(value))
    if archive:
        day_archive = reverse("articles:archive-day", args=[local.year, local.month, local.day])
        gregorian = format_html(
            '<a class="dateline-archive" href="{}">{}</a>', day_archive, gregorian
        )
    return format_html(
        '<time datetime="{}">{}{}'
        '<span class="sep" aria-hidden="true"> · </span><span class="clock">{}</span></time>',
        local.isoformat(),
        gregorian,
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


def _card_time_text(value):
    """«منذ 3 ساعات» for fresh news, the Gregorian date after a day."""
    age = timezone.now() - value
    if timedelta(0) <= age < RELATIVE_TIME_LIMIT:
        return relative_time(age.total_seconds(), settings.SAHAFA_DIGITS)
    return format_gregorian(_local(value).date(), settings.SAHAFA_DIGITS)


@register.simple_tag
def card_time(value):
    """A card's time text in a <time> element."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', _local(value).isoformat(), _card_time_text(value)
    )


@register.simple_tag(takes_context=True)
def card(context, article, compact=False, hide_section=False):
    """An article's card on a listing, rendered once per content version: what differs
    between two readers of the same card is its time text and its comment count."""
    compact, hide_section = bool(compact), bool(hide_section)
    return fragments.render(
        "articles/_card.html",
        {"card": article, "compact": compact, "hide_section": hide_section},
        varies_by=(
            article.pk,
            compact,
            hide_section,
            article.published_at and _card_time_text(article.published_at),
            getattr(article, "comment_count", None),
        ),
        request=context.get("request"),
    )


@register.simple_tag(takes_context=True)
def lead_story(context, article):
    """The front page's lead story, rendered once per content version like a card (its
    picture and summary cost a query and the body's text)."""
    return fragments.render(
        "articles/_lead.html",
        {"lead": article},
        varies_by=(article.pk, article.published_at and _card_time_text(article.published_at)),
        request=context.get("request"),
    )


@register.simple_tag
def card_picture(article, lead=False):
    """The picture of `article` on a listing (the home page's lead story when `lead`): an
    add-on's (CARD_PICTURES) or the uploaded original, decorative either way (its card's
    headline says what it shows)."""
    html = CARD_PICTURES[-1](article, lead=lead) if CARD_PICTURES else None
    if html:
        return html
    if lead:
        return format_html(
            '<img class="lead-image" src="{}" alt="" width="1200" height="675" '
            'fetchpriority="high">',
            article.lead_image.url,
        )
    return format_html(
        '<img class="card-image" src="{}" alt="" loading="lazy" decoding="async" '
        'width="640" height="360">',
        article.lead_image.url,
    )


@register.simple_tag(takes_context=True)
def article_part(context, name, article, is_preview=False):
    """A part of the article page that every reader sees the same ("header", "text",
    "social", "json_ld": articles/_article_<name>.html), rendered once per content version;
    a preview, for the newsroom only, every time."""
    template_name = f"articles/_article_{name}.html"
    part_context = {
        "article": article,
        "base_url": context.get("base_url"),
        "site_name": context.get("site_name"),
    }

    def make():
        # The header and the JSON-LD both show the byline, the tags and the JSON-LD the
        # tags: one read of each for all the parts, not one per part.
        prefetch_related_objects([article], BYLINE_WITH_AUTHORS, "tags")
        return mark_safe(loader.render_to_string(template_name, part_context))

    if is_preview:
        return make()
    return fragments.kept((template_name, article.pk), make, context.get("request"))


class KeptNode(template.Node):
    def __init__(self, name, varies_by, nodelist):
        self.name, self.varies_by, self.nodelist = name, varies_by, nodelist

    def render(self, context):
        varies_by = tuple(value.resolve(context) for value in self.varies_by)
        return fragments.kept(
            ("keep", self.name, *varies_by),
            lambda: mark_safe(self.nodelist.render(context)),
            context.get("request"),
        )


@register.tag
def keep(parser, token):
    """`{% keep "name" value… %}…{% endkeep %}`: what the block renders, made once per content
    version and `value`s (everything it shows that is not content) — the sections menus,
    the same on every page, cost a `reverse()` a link."""
    name, *varies_by = token.split_contents()[1:]
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeptNode(name, [parser.compile_filter(value) for value in varies_by], nodelist)


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


def _absolute(url):
    return url if url.startswith(("http://", "https://")) else settings.SAHAFA_BASE_URL + url


@register.simple_tag
def share_image(article=None):
    """The picture social cards and search engines show: the article's lead image, else
    the site's default share image."""
    if article is not None and article.lead_image:
        return _absolute(article.lead_image.url)
    return _absolute(static("sahafa/share.png"))


def _json_ld(data):
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    # Data, not a script: a Content-Security-Policy without inline scripts allows it.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def publisher():
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SAHAFA_SITE_NAME,
        "url": settings.SAHAFA_BASE_URL + "/",
        "logo": {
            "@type": "ImageObject",
            "url": _absolute(static("sahafa/logo.png")),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


@register.simple_tag
def article_json_ld(article):
    """schema.org NewsArticle and its BreadcrumbList for search engines. Only public facts
    about the article: authors by name and page, never an email."""
    base = settings.SAHAFA_BASE_URL
    url = base + article.get_absolute_url()
    authors = [
        {"@type": "Person", "name": author.name, "url": base + author.get_absolute_url()}
        for author in article.byline_authors
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "description": article.search_description,
        "inLanguage": "ar",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "author": authors or [publisher()],
        "publisher": publisher(),
        "image": [share_image(article)],
        "isAccessibleForFree": True,
    }
    if article.published_at:
        modified = article.materially_updated_at or article.published_at
        data["datePublished"] = timezone.localtime(article.published_at).isoformat()
        data["dateModified"] = timezone.localtime(modified).isoformat()
    for addition in JSON_LD_ADDITIONS:
        addition(article, data)
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(
                [
                    (settings.SAHAFA_SITE_NAME, base + "/"),
                    (article.section.name, base + article.section.get_absolute_url()),
                    (article.headline, url),
                ],
                start=1,
            )
        ],
    }
    return _json_ld(data) + _json_ld(breadcrumbs)


@register.simple_tag
def website_json_ld():
    """schema.org WebSite with the site search, for the front page."""
    base = settings.SAHAFA_BASE_URL
    return _json_ld(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.SAHAFA_SITE_NAME,
            "url": base + "/",
            "inLanguage": "ar",
            "publisher": publisher(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": base + reverse("search:results") + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    )
