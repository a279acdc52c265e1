import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from sahafa.imports.importer import import_paths

# Reasons listed one by one up to this many skipped records; beyond it, only the counts.
MAX_LISTED_SKIPS = 20


class Command(BaseCommand):
    help = (
        "Import articles from JSON or ZIP files (SaudiNewsNet format). Idempotent: the "
        "source URL is the key. Exits with status 1 if a file could not be read."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=".json/.zip files or folders")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, paths, batch_size, no_progress, **options):
        if batch_size < 1:
            raise CommandError(_("--batch-size must be at least 1."))
        bar = tqdm(
            total=0,
            unit=" " + _("article"),
            file=sys.stderr,
            disable=no_progress or not sys.stderr.isatty(),
            dynamic_ncols=True,
        )

        def on_file(path, count):
            bar.total += count
            bar.set_description(path.name)
            bar.refresh()

        def phases(iterable=(), **kwargs):
            # The search index and the related lists after the last batch, one bar each.
            return tqdm(
                iterable,
                file=sys.stderr,
                disable=no_progress or not sys.stderr.isatty(),
                dynamic_ncols=True,
                **kwargs,
            )

        with bar:
            summary = import_paths(
                paths,
                batch_size=batch_size,
                progress=bar.update,
                on_file=on_file,
                phases=phases,
            )
        self.stdout.write(
            _(
                "Imported: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d, "
                "skipped: %(skipped)d."
            )
            % {
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
                "skipped": len(summary.skipped),
            }
        )
        for reason, count in summary.skipped_reasons.most_common():
            self.stdout.write(f"  {_(reason)}: {count}")
        if 0 < len(summary.skipped) <= MAX_LISTED_SKIPS:
            for where, reason in summary.skipped:
                self.stdout.write(f"    {where}: {_(reason)}")
        for message in summary.file_errors:
            self.stderr.write(message)
        if summary.file_errors:
            count = len(summary.file_errors)
            raise CommandError(
                ngettext(
                    "%(count)d file could not be imported.",
                    "%(count)d files could not be imported.",
                    count,
                )
                % {"count": count}
            )
