"""The read API: django-ninja, typed schemas, OpenAPI 3.1 at /api/openapi.json and its
browsable docs at /api/docs from our own static files (docs/api.md)."""

from ninja import NinjaAPI, Swagger
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from . import errors
from .endpoints import router
from .limits import AnonymousRateLimit


class ArabicJSONRenderer(JSONRenderer):
    """UTF-8 text as it is, not \\u escapes: half the bytes for Arabic."""

    json_dumps_params = {"ensure_ascii": False}
    encoder_class = NinjaJSONEncoder


DESCRIPTION = """\
The public, read-only API of Sahafa (صحافة): published articles, sections, tags, authors
and search, in Arabic. No key is needed; anonymous clients are rate limited (429 with
Retry-After). Every error is JSON: `{"error": code, "message": Arabic, "fields": {name:
[…]}}`. Times are ISO 8601 with the newsroom's UTC offset; URLs are absolute.
Lists page with cursors: follow `next` until it is null. Guide: docs/api.md."""

api = NinjaAPI(
    title="Sahafa API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
    docs_url="/docs",
    renderer=ArabicJSONRenderer(),
    throttle=[AnonymousRateLimit()],
)
errors.install(api)
api.add_router("/v1/", router)

__all__ = ["api"]
