from django.core.management.base import BaseCommand

from sahafa.comments.notify import send_held_digest


class Command(BaseCommand):
    help = "Email editors and comment moderators about held comments not yet announced."

    def handle(self, *args, **options):
        count = send_held_digest()
        self.stdout.write(f"{count} held comments announced.")
