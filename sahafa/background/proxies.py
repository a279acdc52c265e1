"""The reader's own address behind the reverse proxy. Behind the shipped nginx every request
comes from 127.0.0.1, so per-address limits (comments, the read API, newsroom sign-in)
would count every reader as one; nginx appends the address it saw to X-Forwarded-For. The
header is believed only from a proxy listed in SAHAFA_TRUSTED_PROXIES, and only its last
hops, so a client cannot choose its own address by sending the header itself."""

from ipaddress import ip_address

from django.conf import settings


class ForwardedClientMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        believe_proxies(request.META)
        return self.get_response(request)


def believe_proxies(meta):
    """Set REMOTE_ADDR of `meta` (request.META, or a WSGI environ before Django: the view
    beacon's entrance) to the reader's address."""
    trusted = settings.SAHAFA_TRUSTED_PROXIES
    if meta.get("REMOTE_ADDR") in trusted:
        hops = meta.get("HTTP_X_FORWARDED_FOR", "").split(",")
        # From the right: each trusted proxy names who it heard from.
        for hop in reversed([hop.strip() for hop in hops]):
            if not _is_address(hop):
                break
            meta["REMOTE_ADDR"] = hop
            if hop not in trusted:
                break


def _is_address(text):
    try:
        ip_address(text)
    except ValueError:
        return False
    return True
