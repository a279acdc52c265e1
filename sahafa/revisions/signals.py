"""After a transaction that added, changed or removed a correction commits, once, with
`ids`: the articles it concerns. The page cache forgets `/corrections/` on it."""

from django.dispatch import Signal

corrections_changed = Signal()
