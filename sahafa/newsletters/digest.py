"""The daily digest: the day's top stories by section, mailed to every confirmed address.

The stories are the public articles published in the 24 hours before the digest, ranked
in each section by their views in «الأكثر قراءة» (sahafa/mostread), then newest first;
sections come in the site's order. A day with no new story sends nothing.

Each address gets one digest a day, whatever runs it (the scheduled task, `sahafa
send-digest`, a retry, two workers at once): an address is claimed for the day with one
conditional UPDATE before its email is sent, and released again if sending fails."""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone

from sahafa.articles.models import Article, Section
from sahafa.mostread import lists as most_read

from . import emails
from .models import Digest, Subscriber

logger = logging.getLogger(__name__)

PER_SECTION = 4
WINDOW = timedelta(hours=24)


@dataclass
class Story:
    headline: str
    summary: str
    url: str
    kicker: str = ""


@dataclass
class Issue:
    date: date
    moment: datetime  # the end of its 24 hours
    sections: list = field(default_factory=list)  # [(section name, section url, [Story])]

    @property
    def empty(self):
        return not self.sections


def stories(until):
    """The Issue of the 24 hours before `until`."""
    local_day = timezone.localdate(until)
    fresh = (
        Article.objects.published(at=until)
        .filter(published_at__gt=until - WINDOW)
        .select_related("section")
    )
    by_section = {}
    for article in fresh:
        by_section.setdefault(article.section_id, []).append(article)
    issue = Issue(local_day, until)
    for section in Section.objects.filter(pk__in=by_section):
        views = dict(most_read.most_read("24h", section.pk))
        ranked = sorted(
            by_section[section.pk], key=lambda a: (-views.get(a.pk, 0), -a.published_at.timestamp())
        )[:PER_SECTION]
        issue.sections.append(
            (
                section.name,
                emails.absolute(section.get_absolute_url()),
                [
                    Story(
                        headline=article.headline,
                        summary=article.summary(200),
                        # The short /a/<id>: an Arabic slug percent-encodes into a long line.
                        url=emails.absolute(article.get_share_url()),
                        kicker=article.kicker,
                    )
                    for article in ranked
                ],
            )
        )
    return issue


def _claim(subscriber_id, day):
    """Take `subscriber_id` for the digest of `day`; False if it already had it."""
    unsent = Q(last_digest_on__isnull=True) | Q(last_digest_on__lt=day)
    return bool(Subscriber.objects.filter(unsent, pk=subscriber_id).update(last_digest_on=day))


def send(day=None, until=None):
    """Mail the digest of `day` (today in TIME_ZONE) to every confirmed address that has not
    had it; the number sent."""
    until = until or timezone.now()
    day = day or timezone.localdate(until)
    issue = stories(until)
    Digest.objects.get_or_create(date=day)
    if issue.empty:
        logger.info("digest of %s: no new stories, nothing sent", day)
        return 0
    due = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).filter(
        Q(last_digest_on__isnull=True) | Q(last_digest_on__lt=day)
    )
    sent = 0
    try:
        with get_connection() as connection:
            for subscriber in due.order_by("pk").iterator(chunk_size=500):
                previous = subscriber.last_digest_on
                if not _claim(subscriber.pk, day):
                    continue
                try:
                    connection.send_messages([emails.digest(subscriber, issue)])
                except Exception:
                    Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_on=previous)
                    raise
                sent += 1
    finally:
        Digest.objects.filter(date=day).update(sent=F("sent") + sent)
    logger.info("digest of %s sent to %d addresses", day, sent)
    return sent
