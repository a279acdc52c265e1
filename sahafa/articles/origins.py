"""Telling a reader's own POST from a forged cross-site one without a CSRF token. Reader
pages are the same cached bytes for everyone, so their forms (comments, newsletter sign-up,
push alerts) carry no token; browsers send an Origin header with every POST, and a post
from another site's page names that site."""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def sent_from_elsewhere(request):
    """True for a POST a browser sent from another site's page. A signed-in staff member's
    session is checked as usual (CSRF token)."""
    if request.user.is_authenticated:
        csrf = CsrfViewMiddleware(lambda request: None)
        return csrf.process_view(request, None, (), {}) is not None
    origin = request.META.get("HTTP_ORIGIN")
    if not origin:
        return False  # not a browser: it could have sent anything anyway
    allowed = {
        _origin(request.build_absolute_uri("/")),
        _origin(settings.SAHAFA_BASE_URL),
        *(_origin(trusted) for trusted in settings.CSRF_TRUSTED_ORIGINS),
    }
    return origin.lower() not in allowed
