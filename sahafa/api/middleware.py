"""What every answer under /api/ carries: CORS headers for any origin (a public, read-only
API without cookies or credentials) and, for an error Django answered itself (an unknown
path, a wrong method, a crash), the API's JSON error instead of an HTML page.

A middleware of our own rather than django-cors-headers: that one answers
`Access-Control-Allow-Origin` only to requests that carry an `Origin`, so the page cache
would store whichever variant came first and serve it to everybody. Here the header is the
same for every request, and so is what the cache stores. It sits just inside the page
cache's middleware, which stores the headers it adds."""

from django.http import HttpResponse

from .errors import json_error

PREFIX = "/api/"
EXPOSED = "ETag, Retry-After, Surrogate-Key"


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = self._preflight(request)
        else:
            response = self.get_response(request)
            if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                response = self._as_json(response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED
        return response

    def _preflight(self, request):
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = request.META.get(
            "HTTP_ACCESS_CONTROL_REQUEST_HEADERS", ""
        )[:1000]
        response["Access-Control-Max-Age"] = "86400"
        return response

    def _as_json(self, response):
        replaced = json_error(response.status_code)
        for header in ("Allow", "Retry-After"):
            if response.has_header(header):
                replaced[header] = response[header]
        return replaced
