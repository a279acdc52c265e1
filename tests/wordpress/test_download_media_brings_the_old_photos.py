"""Huda moves the paper with `--download-media`, the old site still up: its photos come
into the media library (checked and stripped like any upload), each once; whatever cannot
be brought — gone, too large, too slow, not an image — is listed in the Arabic report and
the import goes on. The old site here is a real HTTP server on the loopback address."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags
from PIL import Image as Pillow

from bench.import_wordpress import write_export
from sahafa.articles.models import Article
from sahafa.media.models import Image
from tests.media.pictures import camera_jpeg

pytestmark = pytest.mark.django_db

# bench/import_wordpress.py numbers the attachments of 5 posts 6, 1006, 2006, 3006, 4006:
# each post's featured image.
PHOTO, NOT_AN_IMAGE, GONE, HUGE, SLOW = (f"photo-{n}.jpg" for n in (6, 1006, 2006, 3006, 4006))
# A picture in a body, on the old site's host but no attachment of the export.
INLINE = "inline.jpg"


class OldSite(BaseHTTPRequestHandler):
    hits = None

    def do_GET(self):
        name = self.path.rsplit("/", 1)[-1]
        self.hits.append(name)
        if name == GONE:
            self.send_error(404)
            return
        body = {
            PHOTO: camera_jpeg((800, 450)),
            INLINE: camera_jpeg((640, 360)),
            NOT_AN_IMAGE: b"<?php system($_GET['c']); ?>" * 20,
            HUGE: b"\xff" * (1024 * 1024 + 1),
            SLOW: camera_jpeg((100, 100)),
        }[name]
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        if name != HUGE:  # the size is found out while reading
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if name == SLOW:
            self.wfile.write(body[:100])
            self.wfile.flush()
            time.sleep(3)
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site():
    handler = type("Handler", (OldSite,), {"hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", handler.hits
    server.shutdown()
    server.server_close()


def test_the_old_photos_come_into_the_library_once(
    old_site, import_wordpress, tmp_path, settings, client
):
    site, hits = old_site
    settings.SAHAFA_MEDIA_MAX_UPLOAD_MB = 1
    export = write_export(tmp_path / "old-site.xml", 5, attachments=1, site=site)
    inline = f'<img src="{site}/wp-content/uploads/{INLINE}" alt="">'
    body = "<content:encoded><![CDATA["
    export.write_text(export.read_text().replace(body, body + inline, 1))  # the first post's
    options = ("--download-media", "--media-timeout", "1")

    report = import_wordpress(export, *options)

    # Nothing stopped the import: every post is an article.
    assert Article.objects.count() == 5
    assert "الصور المنزّلة إلى مكتبة الوسائط: 2" in report
    assert "صور تعذّر تنزيلها فبقيت بعناوينها القديمة: 4" in report
    for url, reason in [
        (GONE, "أجاب الخادم 404"),
        (HUGE, "أكبر من 1 م.ب"),
        (SLOW, "لم يكتمل تنزيلها في 1 ثانية"),
        (NOT_AN_IMAGE, "هذا الملف ليس صورة تقبلها المكتبة"),
    ]:
        assert any(url in line and reason in line for line in report.splitlines()), (url, report)
    # The photo is the library's now, without the place it was taken, and the article
    # shows it from the library.
    image, inline_image = Image.objects.order_by("pk")
    assert (image.width, image.height) == (800, 450)
    # The body's own picture has no caption in the export: its alt is the headline.
    assert (inline_image.width, inline_image.caption) == (640, "")
    assert image.caption == "صورة رقم 6 من أرشيف الجريدة"
    with default_storage.open(image.file.name) as stored:
        picture = Pillow.open(io.BytesIO(stored.read()))
    assert picture.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    first = Article.objects.get(source_url=f"{site}/?p=1")
    assert inline_image.alt == first.headline
    assert image.file.url in first.body and inline_image.file.url in first.body
    assert site not in first.body
    page = client.get(first.get_absolute_url()).content.decode()
    assert image.file.name.rsplit(".", 1)[0].rsplit("/", 1)[1] in page
    assert site not in page

    # A second run downloads nothing twice.
    again = import_wordpress(export, *options)

    assert "الصور المنزّلة إلى مكتبة الوسائط: 0" in again
    assert Image.objects.count() == 2
    assert (hits.count(PHOTO), hits.count(INLINE)) == (1, 1)
