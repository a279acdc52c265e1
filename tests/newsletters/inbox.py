"""Readers signing up from the footer form, and the links in what lands in their inbox."""

import re

from django.conf import settings
from django.core import mail
from django.urls import reverse

LINK = re.compile(r"https?://\S+")


def sign_up(client, email, ip="203.0.113.20", **headers):
    """The footer form sent from one of the site's pages, as a browser sends it."""
    headers.setdefault("HTTP_ORIGIN", settings.SAHAFA_BASE_URL)
    return client.post(
        reverse("newsletters:subscribe"),
        {"email": email, "website": ""},
        REMOTE_ADDR=ip,
        **headers,
    )


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message):
    (html,) = [body for body, kind in message.alternatives if kind == "text/html"]
    return html


def link_in(message, path_start):
    """The site's link in the message's text part that starts with `path_start`, as a path."""
    for url in LINK.findall(message.body):
        path = url.removeprefix(settings.SAHAFA_BASE_URL)
        if path.startswith(path_start):
            return path
    raise AssertionError(f"no {path_start} link in {message.body!r}")


def confirm_link(message):
    return link_in(message, "/newsletter/confirm/")


def unsubscribe_link(message):
    return link_in(message, "/newsletter/unsubscribe/")


def confirmed(client, email, **kwargs):
    """A reader who signed up and followed the link in the confirmation email."""
    sign_up(client, email, **kwargs)
    client.post(confirm_link(mails_to(email)[-1]))
