"""The Content-Security-Policy middleware (django-csp), with two allowances for the
newsroom's editor (django-prose-editor), on newsroom pages only:

- it loads its modules through an inline `<script type="importmap">`, which a policy
  without 'unsafe-inline' blocks: the policy allows exactly the import maps the page
  carries, by their SHA-256 hash; any other inline script stays blocked;
- Tiptap, inside it, adds its stylesheet as a `<style>` element: inline styles are
  allowed there (styles run no code; scripts stay as strict as on reader pages).

Reader pages get the plain policy: they are stored and shared by the page cache, so
nothing in it may change per request, and they need neither allowance."""

import base64
import hashlib
import re

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse

IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


class NewsroomAwareCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if (
            request.path_info.startswith(reverse("admin:index"))
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            hashes = [
                f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
                for body in IMPORT_MAP.findall(response.content)
            ]
            update = dict(getattr(response, "_csp_update", None) or {})
            update["script-src"] = [*update.get("script-src", []), *hashes]
            update["style-src"] = [*update.get("style-src", []), UNSAFE_INLINE]
            response._csp_update = update
        return super().process_response(request, response)
