"""Stores what Django rendered for an anonymous reader, says how others may cache it, and
compresses it once. Outermost in MIDDLEWARE, so what it stores has every header the other
middleware add; Django's GZipMiddleware, inside, compresses only what is not stored."""

import time

from django.utils.cache import patch_cache_control

from . import policy, store

# Headers a stored page is answered with; the rest are per response (length, encoding).
STORED_HEADERS_SKIPPED = {"content-length", "content-encoding", "set-cookie", "etag", "vary"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started_ns = time.time_ns()
        path = request.path_info
        query = request.META.get("QUERY_STRING", "")
        cacheable = policy.enabled() and policy.cacheable_request(
            request.method, path, query, request.META.get("HTTP_COOKIE", "")
        )
        if cacheable:
            query = policy.stored_query(path, query)
        accepts_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        if cacheable:
            # Stored uncompressed: compressed below, once, for every reader after.
            request.META.pop("HTTP_ACCEPT_ENCODING", None)
        response = self.get_response(request)
        if not response.has_header("Surrogate-Key"):
            return response
        if not (cacheable and policy.cacheable_response(response)):
            # A reader page made for one person (staff, a held-comment link): no shared
            # cache keeps it.
            patch_cache_control(response, private=True, no_cache=True)
            return response
        lifetime = policy.lifetime(response, getattr(request, "sahafa_content_stamp", None))
        response["Cache-Control"] = policy.cache_control(lifetime)
        # The same page for every reader it is stored for, whatever their other cookies
        # or language (Django's session and locale middleware said Vary: Cookie,
        # Accept-Language): a shared cache honouring those would keep a copy per reader.
        response["Vary"] = "Accept-Encoding"
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in STORED_HEADERS_SKIPPED
        ]
        headers.append(("Vary", "Accept-Encoding"))
        entry = store.save(
            path,
            query,
            response.status_code,
            headers,
            response.content,
            response["Surrogate-Key"].split(),
            lifetime,
            started_ns,
        )
        if entry is None:
            return response
        response["ETag"] = entry.etag
        response["X-Cache"] = "MISS"
        if entry.etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
            response.status_code = 304
            response.content = b""
        elif accepts_gzip:
            response.content = entry.gzipped
            response["Content-Encoding"] = "gzip"
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
