"""`sahafa renditions`: the safety net behind the background task — make every rendition
the library lacks (an interrupted task, a lost file, new sizes after an upgrade)."""

from django.core.management.base import BaseCommand

from sahafa.media import placements, renditions


class Command(BaseCommand):
    help = "Make the renditions (AVIF, WebP) that library images lack."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Throw every rendition away and make it anew."
        )

    def handle(self, *args, rebuild=False, **options):
        images = renditions.images_to_build(everything=rebuild)
        made = 0
        for image in images:
            if rebuild:
                renditions.forget(image)
            count = renditions.build_missing(image)
            if count:
                placements.announce_pages_showing(image, "renditions")
            made += count
        self.stdout.write(f"{made} renditions made for {len(images)} images.")
