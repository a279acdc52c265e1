"""Readers' browsers and the push service behind them, for the push stories.

`PushService` is a real HTTP server on loopback standing in for a browser vendor's push
service (FCM, Mozilla's autopush): it takes the site's encrypted POSTs, checks their VAPID
signature (RFC 8292) as a push service does, and answers 201, or 410 for a subscription
the browser has dropped. `Browser` holds what a real browser keeps for one subscription:
its P-256 key pair and auth secret (RFC 8291), so a test reads an alert as the browser's
service worker would."""

import base64
import json
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from os import urandom

import http_ece
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

_serial = count(1)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Delivery:
    path: str
    headers: Message  # names compared case-insensitively, as HTTP does
    body: bytes


@dataclass
class PushService:
    """Start with `with PushService() as service:`; `service.gone` holds the paths of
    subscriptions it answers 410 for."""

    deliveries: list = field(default_factory=list)
    gone: set = field(default_factory=set)

    def __enter__(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                service.deliveries.append(Delivery(self.path, self.headers, body))
                self.send_response(410 if self.path in service.gone else 201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def to(self, browser):
        return [d for d in self.deliveries if d.path == browser.path]


class Browser:
    """One browser's push subscription to `service`."""

    def __init__(self, service):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = urandom(16)
        self.path = f"/wpush/v2/{next(_serial)}-{b64url(urandom(9))}"
        self.endpoint = service.origin + self.path

    def subscription(self):
        """What `PushSubscription.toJSON()` gives the opt-in script."""
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)},
        }

    def read(self, delivery):
        """The alert as the service worker gets it: decrypted with this browser's keys."""
        assert delivery.headers["Content-Encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            delivery.body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


def vapid_claims(delivery, public_key):
    """The claims of the delivery's VAPID token (RFC 8292 §2, §3), after checking that the
    token is signed by the key it names and that this is the site's `public_key`; raises
    AssertionError otherwise, as a push service answers 401/403."""
    scheme, _, params = delivery.headers["Authorization"].partition(" ")
    assert scheme == "vapid"
    fields = dict(part.strip().split("=", 1) for part in params.split(","))
    assert fields["k"] == public_key
    header, claims, signature = fields["t"].split(".")
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(fields["k"]))
    key.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))  # raises if forged
    assert json.loads(unb64url(header)) == {"typ": "JWT", "alg": "ES256"}
    claims = json.loads(unb64url(claims))
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600
    return claims
