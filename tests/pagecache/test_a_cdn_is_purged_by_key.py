"""With a CDN or Varnish in front, each change sends it one purge naming the surrogate keys
of the pages that show what changed; a CDN that is down never fails the newsroom's save."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def cdn(settings):
    """A purge endpoint on loopback that notes what it is asked."""
    received = []

    class Endpoint(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.headers["Surrogate-Key"], self.headers["Authorization"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SAHAFA_PURGE_URL = f"http://127.0.0.1:{server.server_port}/purge"
    settings.SAHAFA_PURGE_TOKEN = "secret-token"
    yield received
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_keys_of_every_page_that_shows_the_story(cdn):
    section = make_section("اقتصاد")
    draft = make_article("أسعار النفط ترتفع", section=section, published=False)
    cdn.clear()

    workflow.publish(draft, by=None)

    # One purge for the story, one for its «شاهد أيضاً» list, computed after it.
    purged = sorted((set(keys.split()) for keys, _token in cdn), key=len)
    day = timezone.localdate(Article.objects.get(pk=draft.pk).published_at)
    assert purged == [
        {f"related-{draft.pk}"},
        {f"article-{draft.pk}", "latest", f"section-{section.pk}"}
        | {f"archive-{day:%Y}", f"archive-{day:%Y-%m}", f"archive-{day:%Y-%m-%d}"},
    ]
    assert {token for _keys, token in cdn} == {"Bearer secret-token"}


def test_a_cdn_that_is_down_does_not_stop_publishing(settings):
    settings.SAHAFA_PURGE_URL = "http://127.0.0.1:9/purge"  # nothing listens there
    draft = make_article("خبر عاجل", published=False)

    workflow.publish(draft, by=None)

    assert Article.objects.published().filter(pk=draft.pk).exists()
