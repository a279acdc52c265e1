"""The home page as the editors arranged it, read on every render of the home page: one
query for the live placements and, when there are any, one for their public stories'
cards. The core's home view (`sahafa.articles.views.home`) fills every slot left empty
with the newest stories.

Policy on the seam: a placement saved or removed sends `arrangement_changed` after the
commit (the page cache forgets the key `front-page`); a placed story that is edited or
unpublished is announced by the articles' own seam (`article-N`, which the home page
carries for every story it shows); a placement reaching its expiry is announced by no
one, so the next expiry is one of the moments `Article.objects.next_unannounced_change()`
answers (registered in apps.py): the home page's kept lists and stored copies last no
longer."""

from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone

from sahafa.articles import surrogate
from sahafa.articles.models import Article
from sahafa.articles.views import LATEST_SIZE, Placed

from . import signals
from .models import Placement

# The key of pages that show the arrangement.
KEY = "front-page"


def placed_stories(request):
    """The public stories placed on the front page now, each in one slot: the first live
    lead placement leads (the others wait for it to expire), featured stories in their
    order, and the stories pinned at the top of their section's block."""
    now = timezone.now()
    surrogate.show(request, KEY)
    placements = list(Placement.objects.live(now).values_list("slot", "article_id"))
    if not placements:
        return Placed()
    cards = Article.objects.published(now).for_cards().in_bulk({pk for _s, pk in placements})
    by_slot = defaultdict(list)
    shown = set()
    for slot in Placement.Slot.values:
        for placed_slot, pk in placements:
            if placed_slot != slot or pk not in cards or pk in shown:
                continue
            if slot == Placement.Slot.LEAD and by_slot[slot]:
                continue  # One story leads; the next in line leads when it expires.
            by_slot[slot].append(cards[pk])
            shown.add(pk)
    leads = by_slot[Placement.Slot.LEAD]
    in_sections = defaultdict(list)
    for article in by_slot[Placement.Slot.SECTION]:
        in_sections[article.section_id].append(article)
    return Placed(
        lead=leads[0] if leads else None,
        # Featured stories past the list's length wait, and meanwhile show as any other.
        featured=tuple(by_slot[Placement.Slot.FEATURED][:LATEST_SIZE]),
        in_sections=dict(in_sections),
    )


def on_placement_changed(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw:
        return
    transaction.on_commit(
        lambda: signals.arrangement_changed.send(sender=sender), using=using, robust=True
    )
