"""What a `<picture>` needs: the renditions of one crop as `srcset`s, AVIF first, the
original as the `<img>` (shown until the renditions exist), and its real width and
height, so the page does not move while it loads."""

from dataclasses import dataclass

from .models import Rendition
from .renditions import CROPS, crop_box

# The article column: the whole screen less the page's padding on a phone, 42rem above.
ARTICLE_SIZES = "(max-width: 704px) calc(100vw - 2rem), 672px"
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


def picture(image, crop, *, alt=None, lead=False, sizes=ARTICLE_SIZES):
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
    )
