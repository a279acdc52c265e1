"""How the opt-in script (static/push/optin.js) posts a browser's subscription."""

import json

from django.conf import settings
from django.urls import reverse


def subscribe(client, subscription, **headers):
    headers.setdefault("HTTP_ORIGIN", settings.SAHAFA_BASE_URL)
    return client.post(
        reverse("push:subscribe"),
        json.dumps(subscription),
        content_type="application/json",
        **headers,
    )
