"""What a `<picture>` needs: the renditions of one crop as `srcset`s, AVIF first, the
original as the `<img>` (shown until the renditions exist), and its real width and
height, so the page does not move while it loads."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from .models import LeadImage, Rendition
from .renditions import CROPS, crop_box

# The article column: the whole screen less the page's padding on a phone, 42rem above.
ARTICLE_SIZES = "(max-width: 704px) calc(100vw - 2rem), 672px"
# A card's picture: beside its headline on a phone (site.css, `.grid`), half the column above.
CARD_SIZES = "(max-width: 40rem) 40vw, 22rem"
MIME = {Rendition.Format.AVIF: "image/avif", Rendition.Format.WEBP: "image/webp"}


@dataclass
class Picture:
    image: object
    sources: list
    width: int
    height: int
    sizes: str
    alt: str
    lead: bool
    css_class: str = ""


def lead_library_image(article):
    """The library image leading `article` (its renditions prefetched), or None."""
    if not article.lead_image:
        # A library lead is mirrored into `lead_image`: without one there is none to read.
        return None
    placement = (
        LeadImage.objects.filter(article_id=article.pk)
        .select_related("image")
        .prefetch_related("image__renditions")
        .first()
    )
    return placement.image if placement else None


def listing_picture(article, lead=False):
    """`article`'s lead as a `<picture>` for the home page's lead story or a card
    (articles' CARD_PICTURES), or None when it is not from the library. Decorative: the
    card's headline says what it shows."""
    image = lead_library_image(article)
    if image is None:
        return None
    shown = picture(
        image,
        Rendition.Crop.WIDE,
        alt="",
        lead=lead,
        sizes=ARTICLE_SIZES if lead else CARD_SIZES,
        css_class="lead-image" if lead else "card-image",
    )
    return render_to_string("media/_picture.html", {"picture": shown})


def picture(image, crop, *, alt=None, lead=False, sizes=ARTICLE_SIZES, css_class=""):
    """`image` with its renditions prefetched (or not: then one query)."""
    renditions = [r for r in image.renditions.all() if r.crop == crop]
    sources = []
    for format, mime in MIME.items():
        chosen = sorted((r for r in renditions if r.format == format), key=lambda r: r.width)
        if chosen:
            srcset = ", ".join(f"{r.file.url} {r.width}w" for r in chosen)
            sources.append({"type": mime, "srcset": srcset})
    left, top, right, bottom = crop_box(
        image.width, image.height, CROPS[crop], image.focal_x, image.focal_y
    )
    return Picture(
        image=image,
        sources=sources,
        width=right - left,
        height=bottom - top,
        sizes=sizes,
        alt=image.alt if alt is None else alt,
        lead=lead,
        css_class=css_class,
    )
