"""Delivering an alert, in the background: `deliver_alert` splits the subscriptions that
existed when the alert was sent into batches, and each `deliver_batch` task encrypts the
message for each browser (RFC 8291, aes128gcm) and POSTs it to its push service, signed
with the site's VAPID key (RFC 8292). Several workers deliver batches side by side.

A push service answering 404 or 410 says the subscription is gone (the reader turned
alerts off, or the browser dropped it): it is deleted. Any other failure is counted and
logged; a batch is not retried for one browser's failure, since a retry would alert the
others twice."""

import json
import logging

import requests
from django.conf import settings
from django.db.models import F
from django.templatetags.static import static
from pywebpush import WebPushException, webpush

from sahafa.background.retries import retried_task

from .models import Alert, Subscription

logger = logging.getLogger(__name__)

BATCH = 200
GONE = (404, 410)
TIMEOUT_SECONDS = 10
# How long a push service keeps an alert for a browser that is offline: news goes stale.
TIME_TO_LIVE = 6 * 3600


def payload(alert):
    """What the service worker (static/push/service-worker.js) shows."""
    return json.dumps(
        {
            "title": alert.title,
            "body": alert.body,
            "url": alert.url,
            "tag": f"alert-{alert.pk}",
            "icon": settings.SAHAFA_BASE_URL + static("sahafa/logo.png"),
        },
        ensure_ascii=False,
    )


@retried_task
def deliver_alert(alert_id):
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is None:
        return
    ids = list(
        Subscription.objects.filter(created_at__lte=alert.created_at)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), BATCH):
        deliver_batch.enqueue(alert_id, ids[start : start + BATCH])


def push(subscription, data, session):
    """Send `data` to one browser: "delivered", "gone" or "failed"."""
    try:
        webpush(
            subscription.info(),
            data=data,
            vapid_private_key=settings.SAHAFA_VAPID_PRIVATE_KEY,
            vapid_claims={"sub": settings.SAHAFA_VAPID_SUBJECT},
            ttl=TIME_TO_LIVE,
            headers={"Urgency": "high"},
            timeout=TIMEOUT_SECONDS,
            requests_session=session,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE:
            return "gone"
        logger.warning("push to subscription %s failed: %s", subscription.pk, status or error)
        return "failed"
    except requests.RequestException as error:
        logger.warning("push to subscription %s failed: %s", subscription.pk, error)
        return "failed"
    return "delivered"


@retried_task
def deliver_batch(alert_id, subscription_ids):
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is None:
        return
    data = payload(alert)
    outcomes = {"delivered": 0, "gone": 0, "failed": 0}
    with requests.Session() as session:
        for subscription in Subscription.objects.filter(pk__in=subscription_ids).order_by("pk"):
            outcome = push(subscription, data, session)
            if outcome == "gone":
                subscription.delete()
            outcomes[outcome] += 1
    Alert.objects.filter(pk=alert_id).update(
        delivered=F("delivered") + outcomes["delivered"],
        dropped=F("dropped") + outcomes["gone"],
        failed=F("failed") + outcomes["failed"],
    )
    logger.info("alert %s: %s", alert_id, outcomes)
