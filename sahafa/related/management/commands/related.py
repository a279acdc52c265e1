import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from sahafa.related import engine
from sahafa.related.models import RelatedArticle


class Command(BaseCommand):
    help = _("Related articles («See also»): recompute every list.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help=_("Recompute every fingerprint and related list from the published articles."),
        )

    def handle(self, *args, rebuild=False, verbosity=1, **options):
        if not rebuild:
            raise CommandError(_("Say what to do: --rebuild recomputes every list."))
        started = time.perf_counter()

        def progress(iterable=(), **kwargs):
            return tqdm(iterable, disable=verbosity < 1, file=self.stderr, **kwargs)

        engine.rebuild(progress=progress)
        lists = RelatedArticle.objects.values("article").distinct().count()
        self.stdout.write(
            ngettext(
                "%(lists)d related list rebuilt in %(seconds).1f s.",
                "%(lists)d related lists rebuilt in %(seconds).1f s.",
                lists,
            )
            % {"lists": lists, "seconds": time.perf_counter() - started}
        )
