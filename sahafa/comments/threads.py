"""What readers see of the comments: the approved thread of an article, cached, and the one
function that forgets it, subscribed to every comment signal (CommentsConfig.ready); and
the signed link that shows a reader their own comment while it is held."""

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.core import signing
from django.core.cache import cache
from django.db import transaction

from sahafa.arabic import normalize

from .models import Comment

THREAD_TIMEOUT = 60 * 60
HELD_SALT = "sahafa.comments.held"
# How long the link that shows a reader their own held comment keeps working.
HELD_LINK_MAX_AGE = 24 * 60 * 60


def held_token(comment):
    return signing.dumps(comment.pk, salt=HELD_SALT)


def read_held_token(token):
    try:
        return signing.loads(token, salt=HELD_SALT, max_age=HELD_LINK_MAX_AGE)
    except signing.BadSignature:
        return None


@dataclass
class PublicComment:
    """A comment as the public may see it. It has no email or IP field, by construction,
    so nothing rendered or cached from it can leak them."""

    id: int
    parent_id: int | None
    depth: int
    name: str
    url: str
    body: str
    created_at: datetime
    held: bool = False
    replies: list = field(default_factory=list)

    @classmethod
    def of(cls, comment):
        return cls(
            id=comment.pk,
            parent_id=comment.parent_id,
            depth=comment.depth,
            name=comment.name,
            url=comment.url,
            body=comment.body,
            created_at=comment.created_at,
            held=comment.status == Comment.Status.PENDING,
        )

    @property
    def initials(self):
        letters = [word[0] for word in self.name.split() if word[0].isalpha()]
        return "".join(letters[:2]) or "؟"

    @property
    def hue(self):
        """The avatar's colour, one of AVATAR_HUES, the same for the same name on every
        page. A class (`avatar-hue-N`), not a style attribute: the site's
        Content-Security-Policy allows no inline style."""
        digest = int(hashlib.sha256(normalize(self.name).encode()).hexdigest()[:6], 16)
        return digest % AVATAR_HUES


# comments.css has a colour for each: hues 30° apart around the wheel.
AVATAR_HUES = 12


def _thread_key(article_id):
    return f"comments:thread:{article_id}"


def approved_comments(article_id):
    """Approved comments of an article, oldest first, from the cache when there."""
    key = _thread_key(article_id)
    comments = cache.get(key)
    if comments is None:
        comments = [
            PublicComment.of(comment)
            for comment in Comment.objects.approved().filter(article_id=article_id).oldest_first()
        ]
        cache.set(key, comments, THREAD_TIMEOUT)
    return comments


def forget_thread(article_id):
    """The one invalidation path for what readers see of an article's comments."""
    cache.delete(_thread_key(article_id))


def forget_thread_of(sender, comment, **kwargs):
    forget_thread(comment.article_id)


def build_tree(comments):
    """Nest replies under their parents, oldest first. A reply whose parent is not shown
    (held, trashed) is shown at the top level rather than lost."""
    nodes = {comment.id: replace(comment, replies=[]) for comment in comments}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id)
        (parent.replies if parent else roots).append(node)
    return roots


def forget_thread_of_deleted(sender, instance, **kwargs):
    article_id = instance.article_id
    transaction.on_commit(lambda: forget_thread(article_id), robust=True)
