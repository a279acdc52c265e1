"""Purging a CDN or Varnish by surrogate key: one HTTP request per purge to
SAHAFA_PURGE_URL, as a retried task, never in the newsroom's request."""

import urllib.request

from django.conf import settings

from sahafa.background.retries import retried_task

PURGE_TIMEOUT = 10


@retried_task
def purge_keys(keys):
    """`SAHAFA_PURGE_METHOD` (PURGE) to SAHAFA_PURGE_URL with the keys in the
    `Surrogate-Key` header (Fastly, Varnish xkey); SAHAFA_PURGE_TOKEN, when set, goes in
    `Authorization: Bearer`. A failed purge raises, so the task is retried."""
    request = urllib.request.Request(
        settings.SAHAFA_PURGE_URL,
        method=settings.SAHAFA_PURGE_METHOD,
        headers={"Surrogate-Key": " ".join(sorted(keys)), "Cache-Tag": ",".join(sorted(keys))},
    )
    if settings.SAHAFA_PURGE_TOKEN:
        request.add_header("Authorization", f"Bearer {settings.SAHAFA_PURGE_TOKEN}")
    with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT) as response:
        response.read()
