"""One signal per comment verdict, each sent with `comment` and `by` (None for the spam
pipeline). The thread cache and the moderators' email subscribe in CommentsConfig.ready()."""

from django.dispatch import Signal

comment_posted = Signal()  # a new comment, whatever the pipeline's verdict
comment_approved = Signal()
comment_unapproved = Signal()
comment_marked_spam = Signal()
comment_trashed = Signal()

VERDICT_SIGNALS = (
    comment_posted,
    comment_approved,
    comment_unapproved,
    comment_marked_spam,
    comment_trashed,
)
