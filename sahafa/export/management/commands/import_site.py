import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sahafa.export.jsonl import ExportFileError, import_site


class Command(BaseCommand):
    help = (
        "Read a `sahafa export` file (JSON Lines) into this database: the same articles "
        "(same ids, so the same URLs), sections, tags, authors, comments and redirects. "
        "An article whose id is taken is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="EXPORT.jsonl")
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, path, batch_size, no_progress, **options):
        hidden = no_progress or not sys.stderr.isatty()

        def phases(iterable=(), **kwargs):
            return tqdm(iterable, file=sys.stderr, disable=hidden, dynamic_ncols=True, **kwargs)

        try:
            created, skipped = import_site(path, batch_size=batch_size, phases=phases)
        except (ExportFileError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"استُورد: {created}، تُخطّي (رقمه مأخوذ): {skipped}.")
