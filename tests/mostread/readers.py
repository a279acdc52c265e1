"""Readers of the most-read stories: phones and laptops that open an article page and run
its beacon script, as a browser does (the page names the beacon's address)."""

import io
import re
from datetime import timedelta
from html import unescape

from django.test import Client

from sahafa.mostread.counting import hour_number
from sahafa.mostread.fold import hour_start
from sahafa.mostread.models import HourlyViews

PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
LAPTOP = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
BEACON = re.compile(r'<script src="[^"]*beacon[^"]*\.js" defer data-beacon="([^"]+)"></script>')


def reader(number, agent=PHONE):
    """A reader on their own address (the proxy has already put it in REMOTE_ADDR)."""
    return Client(REMOTE_ADDR=f"203.0.{number // 250}.{number % 250 + 1}", HTTP_USER_AGENT=agent)


def beacon_of(client, article):
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    found = BEACON.search(page.content.decode())
    assert found, "the article page carries the view beacon"
    return unescape(found.group(1))


def opens(client, article, beacon=None):
    """The reader opens the article page and its script sends the beacon: the status."""
    return client.post(beacon or beacon_of(client, article)).status_code


def stored_views(article):
    return sum(HourlyViews.objects.filter(article=article).values_list("views", flat=True))


def views_hours_ago(article, hours, views):
    """Views folded into the table earlier: `views` in the hour `hours` ago."""
    start = hour_start(hour_number()) - timedelta(hours=hours)
    HourlyViews.objects.create(article=article, hour=start, views=views)


def beacon_at_the_entrance(beacon, address, agent=PHONE, cookie="", proxy=None):
    """The beacon as the server hands it to `sahafa.wsgi.application` (the entrance the
    server runs, in front of Django): the status line."""
    from wsgiref.util import setup_testing_defaults

    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from sahafa.wsgi import application

    path, _, query = beacon.partition("?")
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "REMOTE_ADDR": proxy or address,
        "HTTP_USER_AGENT": agent,
        "wsgi.input": io.BytesIO(),
    }
    if proxy:
        environ["HTTP_X_FORWARDED_FOR"] = address
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    setup_testing_defaults(environ)
    status = []
    # As Django's test client does: the test's transaction must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = application(environ, lambda line, headers, exc_info=None: status.append(line))
        b"".join(body)
        if hasattr(body, "close"):
            body.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return status[0]
