import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sahafa.wire.models import Feed
from tests.background.conftest import run_workers  # noqa: F401 - the clock's story uses it

FEEDS = Path(__file__).parent / "feeds"
TYPES = {".xml": "application/xml; charset=utf-8", ".json": "application/json"}


class Agency:
    """A real HTTP server on loopback serving agency documents, with ETags and 304s as an
    agency's server answers, noting each request."""

    def __init__(self):
        self.documents = {}
        self.requests = []  # (path, If-None-Match sent, status answered)
        agency = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = agency.documents.get(self.path)
                if body is None:
                    agency.requests.append((self.path, None, 404))
                    self.send_error(404)
                    return
                etag = f'"{hashlib.sha1(body).hexdigest()}"'
                asked = self.headers.get("If-None-Match")
                status = 304 if asked == etag else 200
                agency.requests.append((self.path, asked, status))
                self.send_response(status)
                self.send_header("ETag", etag)
                if status == 200:
                    self.send_header("Content-Type", TYPES[Path(self.path).suffix])
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status == 200:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def publish(self, path, document):
        """Serve `document` (bytes, or the name of a file in tests/wire/feeds) at `path`."""
        if isinstance(document, str):
            document = (FEEDS / document).read_bytes()
        self.documents[path] = document

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def feed(self, name, path, document=None, **fields):
        """A feed of this agency in the newsroom (served `document` at `path` when given)."""
        if document is not None:
            self.publish(path, document)
        fields.setdefault("format", "ninjs" if path.endswith(".json") else "rss")
        return Feed.objects.create(name=name, url=self.url(path), **fields)


@pytest.fixture
def agency():
    server = Agency()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def three_agencies(agency, db):
    """واس (RSS), أ ف ب (Atom) and رويترز (NINJS), each with its feed served on loopback."""
    return [
        agency.feed("واس", "/spa/rss.xml", "spa.xml"),
        agency.feed("أ ف ب", "/afp/atom.xml", "afp.xml"),
        agency.feed("رويترز", "/reuters/ninjs.json", "reuters.json"),
    ]
