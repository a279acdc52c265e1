"""After a transaction that placed, moved or removed a story on the front page commits,
once. The page cache forgets the pages carrying the key `front-page` (the home page)."""

from django.dispatch import Signal

arrangement_changed = Signal()
