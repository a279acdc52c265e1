"""What the most-read lists announce. The page cache subscribes."""

from django.dispatch import Signal

# After the lists («الأكثر قراءة», any window or section) were computed anew and their
# order differs from the lists pages were showing.
lists_changed = Signal()
