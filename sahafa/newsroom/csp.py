"""The Content-Security-Policy middleware (django-csp), with two allowances for the
newsroom's editor (django-prose-editor), on newsroom pages only:

- it loads its modules through an inline `<script type="importmap">`, which a policy
  without 'unsafe-inline' blocks: the policy allows exactly the import maps the page
  carries, by their SHA-256 hash; any other inline script stays blocked;
- Tiptap, inside it, adds its stylesheet as a `<style>` element: inline styles are
  allowed there (styles run no code; scripts stay as strict as on reader pages).

Reader pages get the plain policy: they are stored and shared by the page cache, so
nothing in it may change per request, and they need neither allowance."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse

from sahafa.articles.csp import allow_inline, inline_hashes


class NewsroomAwareCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if (
            request.path_info.startswith(reverse("admin:index"))
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            import_maps = inline_hashes(response.content, "script", ' type="importmap"')
            allow_inline(response, "script-src", import_maps)
            allow_inline(response, "style-src", [UNSAFE_INLINE])
        return super().process_response(request, response)
