"""The reader's pages of the newsletter: the sign-up form's answer, the confirmation link
and the unsubscribe link. None shows an email address: the form's answer is the same
whether an address was new, pending or subscribed, and the links carry a signed id.

A link opened from an email shows a page with a button; the change itself is a POST, so a
mail scanner that fetches every link confirms or unsubscribes nobody. A mail provider's
one-click unsubscribe (RFC 8058) POSTs to the same address."""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from sahafa.articles.origins import sent_from_elsewhere
from sahafa.comments.limits import over_limit

from . import subscriptions, tokens
from .forms import SignUpForm
from .models import Subscriber

logger = logging.getLogger(__name__)


def _refuse(request, form, message, status):
    """The form again, with what the reader typed and the reason in Arabic."""
    form.is_valid()
    if message:
        form.add_error(None, message)
    response = render(request, "newsletters/signup_page.html", {"form": form}, status=status)
    logger.info("newsletter sign-up refused (%s)", status)
    return response


@never_cache
@csrf_exempt  # a reader's page carries no token: the Origin header is checked instead
@require_POST
def subscribe(request):
    form = SignUpForm(request.POST)
    if sent_from_elsewhere(request):
        message = _("This form could not be verified. Please send it again from this page.")
        return _refuse(request, form, message, 403)
    too_many = _("Too many sign-ups. Please wait a while and try again.")
    address = request.META.get("REMOTE_ADDR") or ""
    if over_limit("newsletter-ip", address, settings.SAHAFA_NEWSLETTER_RATE_PER_IP):
        return _refuse(request, form, too_many, 429)
    if not form.is_valid():
        return _refuse(request, form, "", 400)
    email = subscriptions.normalize_email(form.cleaned_data["email"])
    if over_limit("newsletter-email", email, settings.SAHAFA_NEWSLETTER_RATE_PER_EMAIL):
        return _refuse(request, form, too_many, 429)
    subscriptions.sign_up(email)
    return redirect("newsletters:check_inbox")


@never_cache
def check_inbox(request):
    return render(request, "newsletters/message.html", {"state": "check_inbox"})


def _subscriber(subscriber_id):
    if subscriber_id is None:
        return None
    return Subscriber.objects.filter(pk=subscriber_id).first()


@never_cache
@csrf_exempt  # the signed link is the proof; a forged POST has no token to send
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber = _subscriber(tokens.read_confirm(token))
    if subscriber is None:
        return render(request, "newsletters/message.html", {"state": "bad_link"}, status=404)
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return render(request, "newsletters/message.html", {"state": "confirmed"})
    if request.method == "POST":
        subscriptions.confirm(subscriber)
        return render(request, "newsletters/message.html", {"state": "confirmed"})
    return render(request, "newsletters/message.html", {"state": "confirm", "token": token})


@never_cache
@csrf_exempt  # as confirm; and RFC 8058's one-click POST comes from the mail provider
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = _subscriber(tokens.read_unsubscribe(token))
    if subscriber is None:
        return render(request, "newsletters/message.html", {"state": "bad_link"}, status=404)
    if request.method == "POST" or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        subscriptions.unsubscribe(subscriber)
        return render(request, "newsletters/message.html", {"state": "unsubscribed"})
    return render(request, "newsletters/message.html", {"state": "unsubscribe", "token": token})
