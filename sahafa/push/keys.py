"""VAPID keys (RFC 8292): the site signs every push request with one P-256 key pair, and a
browser's subscription is bound to its public half. The private key is written as push
libraries write it (`web-push generate-vapid-keys`): the 32-byte secret, base64url. Pure
`cryptography`, so settings.py can read and make keys before Django is set up."""

import base64
import binascii

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from sahafa.env import Invalid

FORM = "expected a VAPID private key: 32 bytes in base64url (web-push generate-vapid-keys)"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def private_key(text):
    """The key written in `text`; Invalid when it is not one."""
    try:
        raw = b64url_decode(text.strip())
    except (binascii.Error, ValueError):
        raise Invalid(FORM) from None
    if len(raw) != 32:
        raise Invalid(FORM)
    try:
        return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    except ValueError:  # zero, or not below the curve's order
        raise Invalid(FORM) from None


def parse_private_key(text):
    """For `Environment.read`: the key's text, checked."""
    private_key(text)
    return text.strip()


def public_key(private_text):
    """The public half as browsers take it (`applicationServerKey`): the uncompressed
    point, base64url."""
    point = (
        private_key(private_text)
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    return b64url(point)


def new_private_key():
    secret = ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value
    return b64url(secret.to_bytes(32, "big"))


def parse_subject(text):
    """The VAPID `sub` claim: a mailto: address or an https: URL (RFC 8292 §2.1)."""
    value = text.strip()
    if not (value.startswith("mailto:") and "@" in value) and not value.startswith("https://"):
        raise Invalid("expected mailto:someone@example.com or an https:// URL")
    return value
