"""One signal per comment verdict, each sent with `comment` and `by` (None for the spam
pipeline). The thread cache and the moderators' email subscribe in CommentsConfig.ready().

`closing_rules_changed`, sent with `keys` (the surrogate keys of the pages whose comment
form may open or close) after a transaction that saved or deleted a closing rule commits,
once: the page cache forgets those pages, and what reader pages keep per content version
(when an article's form closes) is worked out again."""

from django.dispatch import Signal

comment_posted = Signal()  # a new comment, whatever the pipeline's verdict
comment_approved = Signal()
comment_unapproved = Signal()
comment_marked_spam = Signal()
comment_trashed = Signal()
closing_rules_changed = Signal()

VERDICT_SIGNALS = (
    comment_posted,
    comment_approved,
    comment_unapproved,
    comment_marked_spam,
    comment_trashed,
)
