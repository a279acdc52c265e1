"""Which push services the site talks to. A subscription names the URL the site will POST
alerts to; only the services in SAHAFA_PUSH_SERVICES are accepted, so nobody can point the
site's requests at an address of their choosing (an internal service, say)."""

from urllib.parse import urlsplit

from django.conf import settings

from sahafa.env import Invalid, parse_list, parse_url


def _origin_parts(url):
    parts = urlsplit(url)
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def _matches(endpoint, service):
    scheme, host, port = _origin_parts(endpoint)
    want_scheme, want_host, want_port = _origin_parts(service.replace("*.", "wildcard.", 1))
    if (scheme, port) != (want_scheme, want_port) or not host:
        return False
    if service.split("://", 1)[-1].startswith("*."):
        return host.endswith(want_host.removeprefix("wildcard"))
    return host == want_host


def allowed(endpoint):
    """Whether `endpoint` (a subscription's URL) belongs to a known push service."""
    try:
        return any(_matches(endpoint, service) for service in settings.SAHAFA_PUSH_SERVICES)
    except ValueError:  # a port that is not a number
        return False


def parse_services(text):
    """For `Environment.read`: origins separated by commas, `*.` allowed before a host."""
    origins = parse_list(text)
    for origin in origins:
        try:
            parse_url(origin.replace("://*.", "://wildcard.", 1), ("https", "http"), path=False)
        except Invalid:
            raise Invalid(
                f"{origin!r} is not a push service's origin, such as https://fcm.googleapis.com"
            ) from None
    return [origin.rstrip("/") for origin in origins]
