"""Small factories for live-coverage stories: a live blog on a published article, and its
entries, made through the live verbs as the newsroom makes them."""

from datetime import timedelta

from django.utils import timezone

from sahafa.live import workflow
from sahafa.live.models import Entry
from tests.factories import make_article


def make_live_blog(headline="تغطية مباشرة: العاصفة تضرب الساحل", **fields):
    article = make_article(headline, **fields)
    return workflow.open_coverage(article, by=None, at=article.published_at)


def make_entry(
    blog,
    body="<p>فرق الإنقاذ تصل إلى المنطقة.</p>",
    *,
    title="",
    by=None,
    published=True,
    minutes_ago=None,
):
    """An entry drafted by `by`, published by an editor unless `published=False`."""
    entry = Entry.objects.create(live_blog=blog, title=title, body=body, created_by=by)
    if published:
        at = timezone.now() - timedelta(minutes=minutes_ago) if minutes_ago is not None else None
        workflow.publish_entry(entry, by=None, at=at)
        entry.refresh_from_db()
    return entry
