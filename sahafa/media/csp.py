"""Frames for embedded posts, allowed per page: a story with a YouTube video lets the
reader's browser frame youtube-nocookie.com once the reader asks for it, and no other
page may frame anything. `{% article_body %}` notes on the request which providers the
page carries; the policy is part of the stored page, so the page cache keeps it right."""

from django.utils.deprecation import MiddlewareMixin

from sahafa.articles.csp import allow_inline

FRAME_SOURCES_ATTRIBUTE = "embed_frame_sources"


def note_frame_sources(request, sources):
    if request is not None:
        noted = getattr(request, FRAME_SOURCES_ATTRIBUTE, set())
        setattr(request, FRAME_SOURCES_ATTRIBUTE, noted | set(sources))


class EmbedFramesMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        sources = getattr(request, FRAME_SOURCES_ATTRIBUTE, None)
        if sources:
            allow_inline(response, "frame-src", sorted(sources))
        return response
