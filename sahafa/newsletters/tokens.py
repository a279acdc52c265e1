"""The signed links in newsletter emails. A confirmation link is good for a week; an
unsubscribe link for as long as the email is kept (RFC 8058: it must keep working)."""

from django.core import signing

CONFIRM_SALT = "sahafa.newsletters.confirm"
UNSUBSCRIBE_SALT = "sahafa.newsletters.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def confirm_token(subscriber):
    return signing.dumps(subscriber.pk, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber):
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def _read(token, salt, max_age=None):
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def read_confirm(token):
    """The subscriber id a confirmation link names, or None (forged or too old)."""
    return _read(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def read_unsubscribe(token):
    return _read(token, UNSUBSCRIBE_SALT)
