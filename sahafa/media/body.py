"""An article's body as readers see it: images from the library become `<figure>`s with a
`<picture>` of their renditions, their caption and credit; a paragraph holding only a link
to a social-network post becomes a click-to-load placeholder. The stored body stays as the
sanitizer left it (sahafa/articles/sanitize.py: plain `<img>` and `<a>`), so feeds, the
API and exports carry it unchanged."""

import html
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from sahafa.articles.bidi import isolated_html

from . import embeds, pictures
from .models import Image, Rendition

# nh3 writes every tag it keeps in one normalized form (double-quoted attributes, `>`
# escaped inside values), which these patterns rely on.
FIGURE_OR_IMAGE = re.compile(
    r"<figure>\s*(?P<image><img\b[^>]*>)\s*(?:<figcaption>(?P<caption>.*?)</figcaption>\s*)?"
    r"</figure>|(?P<bare><img\b[^>]*>)",
    re.S,
)
# The link's text is the address, stored with its Latin runs in <bdi> (articles/bidi.py).
LINK_PARAGRAPH = re.compile(r'<p>\s*<a href="(?P<href>[^"]+)"[^>]*>(?:[^<]|</?bdi>)*</a>\s*</p>')


def _attribute(tag, name):
    found = re.search(rf'\s{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else ""


def library_name(src):
    """The library file an image source points at (relative or on this site), or None."""
    parts = urlsplit(src)
    site = urlsplit(settings.SAHAFA_BASE_URL)
    if parts.netloc and (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return None
    if not parts.path.startswith(settings.MEDIA_URL + "library/"):
        return None
    return parts.path[len(settings.MEDIA_URL) :]


def render_body(body):
    """(html, embeds shown) for a stored body."""
    names = {
        name
        for match in FIGURE_OR_IMAGE.finditer(body)
        if (name := library_name(_attribute(match.group("image") or match.group("bare"), "src")))
    }
    images = {}
    if names:
        images = {
            image.file.name: image
            for image in Image.objects.filter(file__in=names).prefetch_related("renditions")
        }

    def figure(match):
        tag = match.group("image") or match.group("bare")
        image = images.get(library_name(_attribute(tag, "src")) or "")
        if image is None:
            return match.group(0)
        caption = match.group("caption")
        return render_to_string(
            "media/_figure.html",
            {
                "picture": pictures.picture(
                    image, Rendition.Crop.FULL, alt=_attribute(tag, "alt") or image.alt
                ),
                # The body's own caption is sanitized HTML, its Latin runs already isolated;
                # else the library's words, isolated here.
                "caption": mark_safe(caption)
                if caption and caption.strip()
                else isolated_html(image.caption),
                "credit": isolated_html(image.credit),
            },
        )

    shown = []

    def placeholder(match):
        embed = embeds.embed_for(html.unescape(match.group("href")))
        if embed is None:
            return match.group(0)
        shown.append(embed)
        return render_to_string("media/_embed.html", {"embed": embed})

    rendered = LINK_PARAGRAPH.sub(placeholder, FIGURE_OR_IMAGE.sub(figure, body))
    return mark_safe(rendered), shown
