"""The announcements add-ons subscribe to, one per event kind (docs/architecture.md,
«The side-effect seam»). The articles app sends them; it never imports a subscriber."""

from django.dispatch import Signal

# After a transaction commits, once, with every article it changed: `ids` (a frozenset of
# primary keys) and `reasons` (a frozenset: "published", "scheduled", "edited", "imported",
# "deleted", "markup" for stored HTML rewritten with the same words, …), and `keys`: the
# surrogate keys of every page that shows them (read lazily, once). Subscribers read the
# articles' current state; they never trust the reason for what the state is.
articles_changed = Signal()

# Inside the transaction, before articles are deleted, with `ids`: for the few subscribers
# that must read what is about to go (the search vocabulary counts an entry's terms).
articles_deleting = Signal()

# After a whole bulk import (all its batches committed), outside any transaction, with
# `ids` (the articles the run created or changed) and `progress` (a tqdm-like factory).
# Subscribers do their bulk work here, at once, and also catch up on articles an
# interrupted earlier run left behind.
articles_imported = Signal()

# After a transaction that changed the sections (the menu on every page) commits.
site_changed = Signal()
