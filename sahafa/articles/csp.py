"""Allowing one inline `<script>` or `<style>` a page really needs, under the site's
Content-Security-Policy (django-csp), by its SHA-256 hash: that exact text runs, nothing
else inline does. The hash depends only on the page's bytes, so a stored, shared page
stays valid for every reader (unlike a nonce)."""

import base64
import hashlib
import re


def inline_hashes(content, tag, attributes=""):
    """The CSP hash sources of every inline `<tag{attributes}…>…</tag>` in `content`."""
    opening = re.escape(f"<{tag}{attributes}".encode())
    pattern = rb"%s(?:\s[^>]*)?>(.*?)</%s>" % (opening, tag.encode())
    bodies = re.findall(pattern, content, re.S)
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'" for body in bodies
    ]


def allow_inline(response, directive, sources):
    """Add `sources` to the response's `directive`, for django-csp's middleware."""
    update = dict(getattr(response, "_csp_update", None) or {})
    update[directive] = [*update.get(directive, []), *sources]
    response._csp_update = update
    return response
