import time

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils.translation import gettext as _
from tqdm import tqdm

from sahafa.articles.models import Article
from sahafa.search.backends import current_backend
from sahafa.search.indexing import INDEXED_STATUSES, rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every published and scheduled article."

    def handle(self, *args, **options):
        started = time.perf_counter()
        total = Article.objects.filter(
            Q(status__in=INDEXED_STATUSES), published_at__isnull=False
        ).count()
        with tqdm(total=total, unit=_("articles"), disable=options["verbosity"] == 0) as bar:
            indexed = rebuild(progress=bar.update)
        backend = current_backend()
        backend.optimize()
        self.stdout.write(
            _(
                "Indexed %(count)d articles in %(seconds).1f s (%(rate).0f articles/s); "
                "index size %(size).1f MB."
            )
            % {
                "count": indexed,
                "seconds": (seconds := time.perf_counter() - started),
                "rate": indexed / seconds if seconds else 0,
                "size": backend.index_size() / 1e6,
            }
        )
