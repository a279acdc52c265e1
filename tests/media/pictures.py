"""Photos as a newsroom receives them: JPEG bytes from a camera, with the place it was taken
in the EXIF, and the library images made from them."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags
from PIL import Image as Pillow

from sahafa.media.models import Image
from sahafa.media.uploads import checked_upload

RIYADH = (24.0, 42.0, 30.0)


def camera_jpeg(size=(1600, 900), colour=(180, 120, 60)):
    """A JPEG as a phone writes it: its maker and the GPS position of the scene."""
    picture = Pillow.new("RGB", size, colour)
    exif = Pillow.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = RIYADH
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = RIYADH
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, quality=85)
    return buffer.getvalue()


def decompression_bomb(width=60_000, height=60_000):
    """A PNG of a few bytes whose header claims `width` × `height` pixels."""
    tiny = io.BytesIO()
    Pillow.new("L", (1, 1)).save(tiny, "PNG")
    data = bytearray(tiny.getvalue())
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def make_library_image(size=(640, 360), focal=(0.5, 0.5), **words):
    words.setdefault("alt", "متظاهرون يرفعون لافتات أمام مبنى البرلمان")
    words.setdefault("caption", "وقفة احتجاجية أمام البرلمان صباح الأحد")
    words.setdefault("credit", "وكالة صحافة")
    image = Image(focal_x=focal[0], focal_y=focal[1], **words)
    image.file = checked_upload(SimpleUploadedFile("photo.jpg", camera_jpeg(size)))
    image.save()
    return image
