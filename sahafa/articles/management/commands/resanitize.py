"""`sahafa resanitize`: every stored article body through the sanitizer of record, then
the bodies add-ons store (`sanitize.STORED_BODIES`: live-blog entries).

A body is sanitized when it is saved (sahafa/articles/sanitize.py). When the sanitizer's
rules change — Latin runs isolated in <bdi>, an image host no longer listed — the bodies
stored before keep their old form until they are saved again; this command brings them
all to the current form. It writes only the bodies that differ, one batch per transaction,
and touches nothing else: no revision, no «modified» time. Each batch is announced with the
reason "markup" (the words are the same), so the page cache forgets the pages while search
and the related lists, which read only words, do no work. Running it again finds nothing
to do, and an interrupted run is finished by running it again.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sahafa.articles import changes
from sahafa.articles.models import Article
from sahafa.articles.sanitize import STORED_BODIES, resanitize_stored

BATCH = 500


def resanitize(batch=BATCH):
    """(rewritten, read): the bodies rewritten, of every body read."""
    return resanitize_stored(
        Article.objects.only("pk", "body"),
        batch,
        lambda rewritten: changes.announce(rewritten, "markup"),
    )


class Command(BaseCommand):
    help = "Pass every stored article body through the current sanitizer (after an upgrade)."

    def handle(self, *args, **options):
        rewritten, read = resanitize()
        self.stdout.write(
            _("Rewrote %(rewritten)d of %(read)d article bodies.")
            % {"rewritten": rewritten, "read": read}
        )
        for resanitize_add_on in STORED_BODIES:
            self.stdout.write(resanitize_add_on(BATCH))
