"""Fetching an agency feed, bounded: one deadline for the whole transfer (a server that
drips a byte at a time cannot hold a worker), a size cap, http(s) only — redirects
included — and a conditional GET, so an unchanged feed costs the agency a 304."""

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
USER_AGENT = "Sahafa wire desk"


class FetchError(Exception):
    """Why a feed could not be fetched, in Arabic for the feed's row in the newsroom."""


@dataclass
class Fetched:
    body: bytes | None  # None: not modified since the last poll
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(_("The feed redirects to an address that is not http or https."))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch(url, etag="", last_modified=""):
    timeout = settings.SAHAFA_WIRE_TIMEOUT_SECONDS
    limit = settings.SAHAFA_WIRE_MAX_BYTES
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    try:
        with _opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as answer:
            declared = answer.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(too_large(limit))
            chunks, size = [], 0
            while chunk := answer.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FetchError(too_large(limit))
                if time.monotonic() > deadline:
                    raise FetchError(too_slow(timeout))
                chunks.append(chunk)
            return Fetched(
                b"".join(chunks),
                answer.headers.get("Content-Type", ""),
                answer.headers.get("ETag", ""),
                answer.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(None, etag=etag, last_modified=last_modified)
        raise FetchError(
            _("The agency's server answered %(code)s.") % {"code": error.code}
        ) from error
    except TimeoutError as error:
        raise FetchError(too_slow(timeout)) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(
            _("The feed could not be reached: %(reason)s") % {"reason": reason}
        ) from error


def too_large(limit):
    return _("The feed is larger than %(limit)s bytes; it was not read.") % {"limit": limit}


def too_slow(timeout):
    return _("The feed did not arrive within %(seconds)s seconds.") % {"seconds": timeout}
