import sys

from django.core.management.base import BaseCommand

from sahafa.export.jsonl import write


class Command(BaseCommand):
    help = (
        "Write the whole site as JSON Lines (sections, tags, authors, articles with their "
        "old addresses and approved comments, redirects), to standard output or --output. "
        "`sahafa import-site` reads it back into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", default="", help="a file instead of stdout")
        parser.add_argument(
            "--include-private",
            action="store_true",
            help="also the held, spam and trashed comments, and commenters' emails and IPs",
        )

    def handle(self, *args, output, include_private, **options):
        if output:
            with open(output, "w", encoding="utf-8") as out:
                count = write(out, include_private)
            sys.stderr.write(f"صُدّر {count} مقالاً إلى {output}.\n")
        else:
            write(self.stdout, include_private)
