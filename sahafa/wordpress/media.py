"""`sahafa import-wordpress --download-media`: the old site's images (featured images,
attachments, pictures in the bodies) brought into the media library, where a network
reaches the old site.

Each download is bounded in size (the library's own upload limit) and time, and goes
through the library's upload check (`sahafa.media.uploads.checked_upload`: Pillow verifies
it is a real JPEG, PNG or WebP within the pixel limit, and its metadata is removed). A
failure is counted for the final report and the body keeps the remote address: it never
stops the import. An image already brought in (`ImportedImage`, keyed on its address) is
reused, so a re-run downloads nothing twice."""

import time
import urllib.error
import urllib.request
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from sahafa.media.models import Image
from sahafa.media.uploads import checked_upload

from .models import ImportedImage

# Seconds one image may take, connecting and reading included.
TIMEOUT = 30
READ_SIZE = 64 * 1024
# Addresses that failed, remembered so that a picture shown by many posts is tried once;
# beyond this many, the oldest are forgotten (memory stays flat).
REMEMBERED_FAILURES = 10_000

TOO_LARGE = "أكبر من {limit} م.ب"
TOO_SLOW = "لم يكتمل تنزيلها في {seconds} ثانية"
HTTP_ERROR = "أجاب الخادم {status}"
UNREACHABLE = "تعذّر الوصول إليها ({reason})"
NOT_WEB = "ليس عنوان http أو https"


class DownloadError(Exception):
    pass


def fetch(url, timeout=TIMEOUT):
    """The bytes at `url`, at most the library's upload limit, within `timeout` seconds."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DownloadError(NOT_WEB)
    limit = settings.SAHAFA_MEDIA_MAX_UPLOAD_MB
    most = limit * 1024 * 1024
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": "Sahafa WordPress import"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if int(response.headers.get("Content-Length") or 0) > most:
                raise DownloadError(TOO_LARGE.format(limit=limit))
            parts, size = [], 0
            while chunk := response.read1(READ_SIZE):
                size += len(chunk)
                if size > most:
                    raise DownloadError(TOO_LARGE.format(limit=limit))
                if time.monotonic() > deadline:
                    raise DownloadError(TOO_SLOW.format(seconds=f"{timeout:g}"))
                parts.append(chunk)
            return b"".join(parts)
    except urllib.error.HTTPError as error:
        raise DownloadError(HTTP_ERROR.format(status=error.code)) from error
    except TimeoutError as error:
        raise DownloadError(TOO_SLOW.format(seconds=f"{timeout:g}")) from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error.strerror or error
        raise DownloadError(UNREACHABLE.format(reason=reason)) from error


class Downloader:
    """Brings images into the library during one import; `failures` and `downloaded` are
    what the final report says."""

    def __init__(self, failures, by=None, timeout=TIMEOUT):
        self.failures = failures  # a Skips: (address, reason)
        self.by = by
        self.timeout = timeout
        self.downloaded = 0
        self.failed = {}  # address -> None, insertion-ordered, at most REMEMBERED_FAILURES

    def local_url(self, url, alt="", caption=""):
        """The library address of the image at `url`, downloaded if it is not there yet;
        None if it cannot be (the failure is counted)."""
        known = ImportedImage.objects.filter(url=url).select_related("image").first()
        if known is not None:
            return known.image.file.url
        if url in self.failed:
            return None
        try:
            data = fetch(url, self.timeout)
            upload = checked_upload(SimpleUploadedFile(_file_name(url), data))
        except DownloadError as error:
            return self._failed(url, str(error))
        except ValidationError as error:
            return self._failed(url, " ".join(error.messages))
        with transaction.atomic():
            image = Image(
                file=upload, alt=alt[:300], caption=caption[:300], credit="", uploaded_by=self.by
            )
            image.save()
            ImportedImage.objects.create(url=url, image=image)
        self.downloaded += 1
        return image.file.url

    def _failed(self, url, reason):
        self.failures.append((url, reason))
        self.failed[url] = None
        if len(self.failed) > REMEMBERED_FAILURES:
            del self.failed[next(iter(self.failed))]
        return None


def _file_name(url):
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return name or "image"
