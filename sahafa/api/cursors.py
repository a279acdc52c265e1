"""Opaque cursors for pages that stay stable while articles are published: a cursor names
the last row a client saw (its sort values), never an offset, so a new story at the top
neither repeats nor skips anything on the next page."""

import base64
import binascii
import json
from datetime import UTC, datetime, timedelta

from django.db.models import Q

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class BadCursor(ValueError):
    pass


def encode(*values):
    raw = json.dumps(values, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor, *types):
    """The values `encode` was given, checked against `types`; BadCursor otherwise."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise BadCursor(str(error)) from error
    if not isinstance(values, list) or len(values) != len(types):
        raise BadCursor("wrong shape")
    for value, kind in zip(values, types, strict=True):
        if type(value) is not kind:
            raise BadCursor("wrong type")
    if any(isinstance(value, int) and not 0 <= value < 2**63 for value in values):
        raise BadCursor("out of range")
    if any(isinstance(value, str) and "\x00" in value for value in values):
        raise BadCursor("NUL")
    return values


def microseconds(moment):
    """`moment` as whole microseconds since 1970: exact, unlike a float timestamp."""
    return (moment - EPOCH) // timedelta(microseconds=1)


def moment(value):
    try:
        return EPOCH + timedelta(microseconds=value)
    except OverflowError as error:
        raise BadCursor("out of range") from error


def newest_first_after(queryset, cursor):
    """Articles after the one `cursor` names, in (published_at, id) descending order."""
    published_us, pk = decode(cursor, int, int)
    published_at = moment(published_us)
    return queryset.filter(
        Q(published_at__lt=published_at) | Q(published_at=published_at, pk__lt=pk)
    )


def newest_first_cursor(article):
    return encode(microseconds(article.published_at), article.pk)


def by_name_after(queryset, cursor):
    """Rows after the one `cursor` names, in (name, id) order."""
    name, pk = decode(cursor, str, int)
    return queryset.filter(Q(name__gt=name) | Q(name=name, pk__gt=pk))


def by_name_cursor(row):
    return encode(row.name, row.pk)
