"""What the related lists announce. The page cache subscribes."""

from django.dispatch import Signal

# After a transaction that rewrote the «شاهد أيضاً» lists of articles `ids` commits.
lists_changed = Signal()
