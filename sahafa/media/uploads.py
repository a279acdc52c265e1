"""What the library accepts: a real image (Pillow reads and verifies it, whatever its name
says), no larger than the size and pixel limits, and stored without its metadata (EXIF with
the place a photo was taken, XMP, comments): a source's location must never be published."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import ExifTags, ImageOps
from PIL import Image as Pillow

# What the library stores as originals, by Pillow's name for the format.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def checked_upload(upload):
    """The upload as the file to store: verified, within the limits, metadata removed.
    Raises ValidationError with an Arabic message for anything else."""
    limit = settings.SAHAFA_MEDIA_MAX_UPLOAD_MB
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(limit)d MB.") % {"limit": limit}, code="too_large"
        )
    data = upload.read()
    picture = _opened(data)
    with picture:
        return SimpleUploadedFile(
            _stored_name(upload.name, picture.format),
            _without_metadata(picture),
            content_type=Pillow.MIME[picture.format],
        )


def _opened(data):
    """The image, opened after its header says it is within the pixel limit; only then is
    it decoded (a few kilobytes can claim to be a gigapixel: a decompression bomb)."""
    limit = settings.SAHAFA_MEDIA_MAX_PIXELS
    too_big = ValidationError(
        _("The image is too large: at most %(limit)s million pixels.")
        % {"limit": f"{limit / 1_000_000:g}"},
        code="too_many_pixels",
    )
    not_an_image = ValidationError(
        _("This file is not an image the library accepts (JPEG, PNG or WebP)."),
        code="not_an_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pillow.DecompressionBombWarning)
            picture = Pillow.open(io.BytesIO(data))
            if picture.format not in FORMATS:
                raise not_an_image
            if picture.width * picture.height > limit:
                raise too_big
            picture.verify()
            picture = Pillow.open(io.BytesIO(data))
            picture.load()
    except (Pillow.DecompressionBombError, Pillow.DecompressionBombWarning) as error:
        raise too_big from error
    except ValidationError:
        raise
    except Exception as error:
        raise not_an_image from error
    return picture


def _without_metadata(picture):
    """The image's bytes again with no EXIF, XMP or comments, turned upright first (the
    orientation lived in the EXIF); JPEG keeps its own quantization when nothing moved."""
    turned = picture.getexif().get(ExifTags.Base.Orientation, 1) not in (0, 1)
    upright = ImageOps.exif_transpose(picture) if turned else picture
    options = {"icc_profile": picture.info.get("icc_profile")}
    if picture.format == "JPEG":
        options["quality"] = 92 if turned else "keep"
    elif picture.format == "WEBP":
        options.update(quality=90, lossless=picture.info.get("lossless", False))
    buffer = io.BytesIO()
    upright.save(buffer, picture.format, **{k: v for k, v in options.items() if v is not None})
    return buffer.getvalue()


def _stored_name(name, format):
    stem = (name or "image").rsplit(".", 1)[0][:80] or "image"
    return f"{stem}.{FORMATS[format]}"
