from django.core.management.base import BaseCommand
from django.utils import timezone

from sahafa.newsletters import digest, tasks


class Command(BaseCommand):
    help = (
        "Send today's newsletter digest to every confirmed subscriber who has not had it "
        "(safe to run again, e.g. from cron): queued for the task worker, or sent now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Send from this process instead of the worker."
        )

    def handle(self, *args, now, **options):
        if now:
            sent = digest.send()
            self.stdout.write(f"أُرسلت النشرة اليومية إلى {sent} مشتركاً.")
            return
        tasks.send_digest.enqueue(timezone.localdate().isoformat())
        self.stdout.write("النشرة اليومية في طابور المهام: يرسلها العامل الآن.")
