"""A writer uploads photos to the library: a real image with its words is kept without the
place it was taken; anything else is refused with a clear Arabic message and nothing the
writer typed is lost."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as Pillow

from sahafa.media.models import Image

from .pictures import camera_jpeg, decompression_bomb

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:media_image_add")
WORDS = {
    "alt": "رجل يبيع القهوة العربية في سوق شعبي",
    "caption": "بائع قهوة في سوق الزل بالرياض",
    "credit": "أحمد الزهراني",
    "focal_x": "0.5",
    "focal_y": "0.5",
}


def upload(client, name, data, **words):
    return client.post(ADD_URL, {**WORDS, **words, "file": SimpleUploadedFile(name, data)})


def test_a_photo_from_a_phone_is_stored_without_where_it_was_taken(writer):
    photo = camera_jpeg((1600, 900))
    assert Pillow.open(io.BytesIO(photo)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    response = upload(writer, "souq.jpg", photo)

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height, image.uploaded_by) == (1600, 900, writer.user)
    with default_storage.open(image.file.name) as stored:
        data = stored.read()
    picture = Pillow.open(io.BytesIO(data))
    assert picture.format == "JPEG"
    assert picture.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert dict(picture.getexif()) == {}
    assert b"PhoneMaker" not in data


def test_a_file_named_jpg_that_is_no_image_is_refused_in_arabic(writer):
    response = upload(writer, "photo.jpg", b"<?php system($_GET['c']); ?>" * 20)

    assert response.status_code == 200
    assert "هذا الملف ليس صورة تقبلها المكتبة" in response.content.decode()
    assert WORDS["caption"] in response.content.decode()  # what the writer typed is kept
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_before_it_is_decoded(writer):
    response = upload(writer, "bomb.png", decompression_bomb())

    assert response.status_code == 200
    assert "الصورة أكبر من المسموح: 50 مليون بكسل على الأكثر." in response.content.decode()
    assert not Image.objects.exists()


def test_a_file_over_the_size_limit_is_refused(writer, settings):
    settings.SAHAFA_MEDIA_MAX_UPLOAD_MB = 1
    response = upload(writer, "big.jpg", camera_jpeg() + b"\0" * (1024 * 1024))

    assert response.status_code == 200
    assert "حجم الملف أكبر من 1 ميغابايت." in response.content.decode()
    assert not Image.objects.exists()


def test_every_image_needs_its_alt_text_caption_and_credit(writer):
    response = upload(writer, "souq.jpg", camera_jpeg(), alt="", credit="")

    assert response.status_code == 200
    assert len(response.context["adminform"].form.errors) == 2
    assert not Image.objects.exists()
