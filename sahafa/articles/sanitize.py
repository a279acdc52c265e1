"""The allow-list every article body passes through before it is stored.

Images come only from the site's own media (MEDIA_URL, relative or under SAHAFA_BASE_URL)
or, over https, from the hosts in SAHAFA_IMAGE_HOSTS: any other <img> is dropped whole, so
a body cannot make readers' browsers call a tracker (a "pixel").

Each Latin run in the body's text is stored isolated in `<bdi>` (sahafa/articles/bidi.py):
an Arabic paragraph that starts with «OPEC+» stays right to left with its «+» in place,
and the reader's page does no work per request for it. Bodies stored before that rule are
rewritten by `sahafa resanitize`."""

import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.db import transaction

from .bidi import isolate_in_html

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "blockquote", "q", "cite", "ul", "ol", "li", "a", "figure", "figcaption", "img",
    "hr", "table", "thead", "tbody", "tr", "th", "td", "bdi", "span", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "*": {"dir", "lang"},
}


def image_source_allowed(src):
    parts = urlsplit(src.strip())
    if not parts.scheme and not parts.netloc:
        return parts.path.startswith(settings.MEDIA_URL)
    site = urlsplit(settings.SAHAFA_BASE_URL)
    if (parts.scheme, parts.netloc) == (site.scheme, site.netloc):
        return parts.path.startswith(settings.MEDIA_URL)
    return parts.scheme == "https" and (parts.hostname or "") in settings.SAHAFA_IMAGE_HOSTS


def _drop_foreign_image_sources(tag, attribute, value):
    if tag == "img" and attribute == "src" and not image_source_allowed(value):
        return None
    return value


# nh3 writes every tag it keeps in one normalized form (`>` inside a value escaped), so an
# image whose source was dropped is found by this pattern.
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")

# The one class a body may carry: a pull quote, set in the editor (newsroom/forms.py).
ALLOWED_CLASSES = {"blockquote": {"pullquote"}}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
    attribute_filter=_drop_foreign_image_sources,
)


# Add-ons that store bodies through `sanitize_body()` register here (AppConfig.ready()) a
# function `(batch) -> str` that passes their stored bodies through it again and says what
# it rewrote: `sahafa resanitize` calls each after the articles (sahafa/live: its entries).
STORED_BODIES = []


def sanitize_body(html: str) -> str:
    return isolate_in_html(_IMAGE_WITHOUT_SOURCE.sub("", _cleaner.clean(html or "")).strip())


def resanitize_stored(rows, batch, announce):
    """Each body of `rows` (a queryset with `pk` and `body`) through `sanitize_body()` again:
    in batches by primary key, a transaction each, writing only the bodies that differ and
    calling `announce(rewritten rows)` inside the batch's transaction. (rewritten, read)."""
    rewritten = read = after = 0
    while True:
        with transaction.atomic():
            found = list(rows.filter(pk__gt=after).order_by("pk")[:batch])
            if not found:
                return rewritten, read
            after = found[-1].pk
            read += len(found)
            changed = []
            for row in found:
                body = sanitize_body(row.body)
                if body != row.body:
                    row.body = body
                    changed.append(row)
            if changed:
                rows.model.objects.bulk_update(changed, ["body"])
                announce(changed)
                rewritten += len(changed)
