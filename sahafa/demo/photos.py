"""The demo's media library: a few pictures drawn with Pillow at load time (the demo
downloads nothing), uploaded through the library's own checks, their renditions made by
the background task; a demo article names them as `{photo:key}` in its body and as its
`library_lead`."""

import json
import re
from functools import cache
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from sahafa.media.models import Image, LeadImage
from sahafa.media.uploads import checked_upload

from .images import placeholder_image

PHOTOS = Path(__file__).parent / "content" / "photos.json"
TOKEN = re.compile(r"\{photo:([\w-]+)\}")


@cache
def _specs():
    return {spec["key"]: spec for spec in json.loads(PHOTOS.read_text("utf-8"))["images"]}


def library_image(key):
    """The library image for `key`, uploaded on first use (found again by its alt text)."""
    spec = _specs()[key]
    image = Image.objects.filter(alt=spec["alt"]).first()
    if image is None:
        picture = placeholder_image(spec["hue"], tuple(spec["size"]))
        image = Image(alt=spec["alt"], caption=spec["caption"], credit=spec["credit"])
        image.focal_x, image.focal_y = spec["focal"]
        image.file = checked_upload(SimpleUploadedFile(f"{key}.jpg", picture.read()))
        image.save()
    return image


def with_library_images(body):
    return TOKEN.sub(lambda match: library_image(match.group(1)).file.url, body)


def place_library_lead(article, key):
    if key:
        LeadImage.objects.create(article=article, image=library_image(key))
