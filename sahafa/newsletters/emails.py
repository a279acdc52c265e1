"""The newsletter's emails, built from templates: an HTML part laid out right to left with
inline styles and tables (what Gmail, Outlook and Apple Mail all render) and a plain-text
part. Every digest carries its own one-click unsubscribe (RFC 2369 `List-Unsubscribe`,
RFC 8058 `List-Unsubscribe-Post`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from . import tokens


def absolute(path):
    return settings.SAHAFA_BASE_URL + path


def unsubscribe_url(subscriber):
    return absolute(reverse("newsletters:unsubscribe", args=[tokens.unsubscribe_token(subscriber)]))


def _message(subject, template, context, to, headers=None):
    context = {
        "site_name": settings.SAHAFA_SITE_NAME,
        "base_url": settings.SAHAFA_BASE_URL,
        **context,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletters/{template}.txt", context),
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(
        render_to_string(f"newsletters/{template}.html", context), "text/html"
    )
    return message


def confirmation(subscriber):
    url = absolute(reverse("newsletters:confirm", args=[tokens.confirm_token(subscriber)]))
    subject = _("Confirm your subscription to the %(site)s newsletter") % {
        "site": settings.SAHAFA_SITE_NAME
    }
    return _message(subject, "confirmation", {"confirm_url": url}, subscriber.email)


def digest(subscriber, issue):
    """The digest `issue` (digest.Issue) for one subscriber."""
    url = unsubscribe_url(subscriber)
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.SAHAFA_SITE_NAME} <digest.{_list_host()}>",
    }
    subject = _("%(site)s: the day's top stories") % {"site": settings.SAHAFA_SITE_NAME}
    context = {"issue": issue, "unsubscribe_url": url}
    return _message(subject, "digest", context, subscriber.email, headers)


def _list_host():
    return urlsplit(settings.SAHAFA_BASE_URL).hostname or "localhost"
