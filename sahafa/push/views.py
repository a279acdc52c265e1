"""The reader's side of push alerts: the service worker, served from the site's root so
its scope is the whole site, and the two small JSON endpoints the opt-in script
(static/push/optin.js) posts a browser's subscription to, or takes it back from."""

import binascii
import json
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from sahafa.articles.origins import sent_from_elsewhere
from sahafa.comments.limits import over_limit

from . import alerts, services
from .keys import b64url_decode
from .models import Subscription

# A subscription is an endpoint URL and two short keys: anything longer is not one.
MAX_BODY = 4096
MAX_ENDPOINT = Subscription._meta.get_field("endpoint").max_length
P256DH_BYTES = 65  # an uncompressed P-256 point
AUTH_BYTES = 16
WORKER_SCRIPT = "push/service-worker.js"


@cache
def _worker_source():
    with open(finders.find(WORKER_SCRIPT), "rb") as script:
        return script.read()


@require_GET
def service_worker(request):
    """static/push/service-worker.js at /service-worker.js: a worker's scope is the folder
    it is served from, and alerts open any page of the site."""
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    # Browsers look for a new worker at least daily; this makes them look at every visit.
    response["Cache-Control"] = "no-cache"
    return response


def _problem(message, status):
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def _key(value, size):
    """The base64url key `value` if it decodes to `size` bytes, else None."""
    if not isinstance(value, str) or len(value) > 2 * size:
        return None
    try:
        decoded = b64url_decode(value)
    except (binascii.Error, ValueError):
        return None
    return value if len(decoded) == size else None


def _read(request):
    """The JSON object posted, or an error response."""
    if not alerts.enabled():
        return None, _problem(_("Push alerts are not available on this site."), 404)
    if sent_from_elsewhere(request):
        return None, _problem(_("This request could not be verified."), 403)
    # A form on another site cannot send JSON without the browser asking first (CORS).
    if request.content_type != "application/json":
        return None, _problem(_("Send the subscription as JSON."), 415)
    if len(request.body) > MAX_BODY:
        return None, _problem(_("That subscription is too long."), 413)
    address = request.META.get("REMOTE_ADDR") or ""
    if over_limit("push", address, settings.SAHAFA_PUSH_RATE_PER_IP):
        return None, _problem(_("Too many requests. Please try again later."), 429)
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        return None, _problem(_("That is not a push subscription."), 400)
    return data, None


def _endpoint(data):
    endpoint = data.get("endpoint")
    if not isinstance(endpoint, str) or len(endpoint) > MAX_ENDPOINT:
        return None
    return endpoint if services.allowed(endpoint) else None


@csrf_exempt  # a reader's page carries no token: the Origin header is checked instead
@require_POST
def subscribe(request):
    data, problem = _read(request)
    if problem:
        return problem
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    endpoint = _endpoint(data)
    p256dh = _key(keys.get("p256dh"), P256DH_BYTES)
    auth = _key(keys.get("auth"), AUTH_BYTES)
    if endpoint is None or p256dh is None or auth is None:
        return _problem(_("That is not a push subscription this site can use."), 400)
    _subscription, created = Subscription.objects.update_or_create(
        endpoint=endpoint, defaults={"p256dh": p256dh, "auth": auth}
    )
    return JsonResponse({"subscribed": True}, status=201 if created else 200)


@csrf_exempt  # as subscribe: the Origin header is checked
@require_POST
def unsubscribe(request):
    data, problem = _read(request)
    if problem:
        return problem
    endpoint = data.get("endpoint")
    if isinstance(endpoint, str) and len(endpoint) <= MAX_ENDPOINT:
        Subscription.objects.filter(endpoint=endpoint).delete()
    return JsonResponse({"subscribed": False})
