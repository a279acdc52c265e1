from django.core.management.base import BaseCommand

from sahafa.wire import polling, tasks
from sahafa.wire.models import Feed


class Command(BaseCommand):
    help = (
        "Poll the agency feeds that are due (all active ones with --all) into the wire "
        "queue, then set the background clock for the next ones. For cron, or by hand."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Poll every active feed now.")

    def handle(self, *args, all, **options):
        if all:
            feeds = Feed.objects.filter(active=True)
            for feed in feeds:
                self.report(feed, polling.poll(feed))
        else:
            self.stdout.write(f"Feeds polled: {polling.poll_due()}")
        tasks.schedule_next()

    def report(self, feed, outcome):
        if outcome.error:
            self.stderr.write(f"{feed.name}: {outcome.error}")
        else:
            self.stdout.write(f"{feed.name}: {outcome.new} new, {outcome.revised} re-sent")
