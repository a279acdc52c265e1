"""Making renditions: each image once per size, crop and format (AVIF and WebP), stored
beside the original. Crops are cut around the image's focal point."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image as Pillow
from PIL import ImageOps

from .models import Image, Rendition

# Widths in pixels. The article column is 42rem (672 CSS px): 480 for phones, 1440 for a
# desktop screen at twice the density. An image narrower than a width is not enlarged.
WIDTHS = (480, 720, 1080, 1440)
WIDE = 16 / 9
ENCODERS = {
    # speed 8 of AVIF's 0-10: a quarter of the default's time for the same size here.
    Rendition.Format.AVIF: {"format": "AVIF", "quality": 60, "speed": 8},
    Rendition.Format.WEBP: {"format": "WEBP", "quality": 80, "method": 4},
}


def crop_box(width, height, aspect, focal_x, focal_y):
    """The largest box of `aspect` (width / height) inside the image, as close to centred
    on the focal point as the edges allow. None keeps the whole image."""
    if aspect is None:
        return (0, 0, width, height)
    box_width, box_height = width, round(width / aspect)
    if box_height > height:
        box_width, box_height = round(height * aspect), height
    left = min(max(round(focal_x * width - box_width / 2), 0), width - box_width)
    top = min(max(round(focal_y * height - box_height / 2), 0), height - box_height)
    return (left, top, left + box_width, top + box_height)


CROPS = {Rendition.Crop.WIDE: WIDE, Rendition.Crop.FULL: None}


def planned(image):
    """(crop, format, width) of every rendition `image` should have."""
    for crop, aspect in CROPS.items():
        left, _top, right, _bottom = crop_box(
            image.width, image.height, aspect, image.focal_x, image.focal_y
        )
        box_width = right - left
        widths = [width for width in WIDTHS if width <= box_width]
        if box_width < WIDTHS[-1] and box_width not in widths:
            widths.append(box_width)
        for format in ENCODERS:
            for width in widths:
                yield crop, format, width


def rendition_name(image, crop, format, width):
    original = PurePosixPath(image.file.name)
    return str(original.with_name(f"{original.stem}.{crop}-{width}.{format}"))


def missing(image):
    """The (crop, format, width) `image` should have and has not, or whose file is lost."""
    have = {
        (r.crop, r.format, r.width)
        for r in image.renditions.all()
        if default_storage.exists(r.file.name)
    }
    return [plan for plan in planned(image) if plan not in have]


def build_missing(image):
    """Make the renditions `image` lacks; returns how many were made."""
    plans = missing(image)
    if not plans:
        return 0
    with image.file.open("rb") as original, Pillow.open(original) as picture:
        picture = ImageOps.exif_transpose(picture).convert("RGB")
        for crop, format, width in plans:
            box = crop_box(*picture.size, CROPS[crop], image.focal_x, image.focal_y)
            height = round(width * (box[3] - box[1]) / (box[2] - box[0]))
            resized = picture.resize((width, height), Pillow.Resampling.LANCZOS, box=box)
            buffer = io.BytesIO()
            resized.save(buffer, **ENCODERS[format])
            name = rendition_name(image, crop, format, width)
            default_storage.delete(name)
            stored = default_storage.save(name, ContentFile(buffer.getvalue()))
            with transaction.atomic():
                Rendition.objects.update_or_create(
                    image=image,
                    crop=crop,
                    format=format,
                    width=width,
                    defaults={"height": height, "file": stored},
                )
    return len(plans)


def forget(image):
    """Remove the renditions of `image` (its focal point moved: the crops are wrong)."""
    for rendition in image.renditions.all():
        default_storage.delete(rendition.file.name)
    image.renditions.all().delete()


def images_to_build(everything=False):
    """The images lacking a rendition (or every image), read with their renditions."""
    images = Image.objects.prefetch_related("renditions").order_by("pk")
    return [image for image in images if everything or missing(image)]
