import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from sahafa.background.addresses import follow_served_address
from sahafa.demo.loader import (
    arrange_demo_front_page,
    ensure_demo_accounts,
    load_demo_comments,
    load_demo_content,
    load_demo_wire,
)


class Command(BaseCommand):
    help = "Migrate, load the demo newspaper (idempotent), create the admin account, serve."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Set up, then stop.")
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))

    def handle(self, *args, no_serve, host, port, **options):
        # Before migrate, which writes the address into the sites record.
        follow_served_address(host, port)
        call_command("migrate", interactive=False, verbosity=0)
        created, existing = load_demo_content()
        self.stdout.write(f"Demo content: {created} articles added, {existing} already there.")
        self.stdout.write(f"Demo comments: {load_demo_comments()} added.")
        self.stdout.write(f"Demo front page: {arrange_demo_front_page()} placements added.")
        self.stdout.write(f"Demo wire desk: {load_demo_wire()} agency items filed.")
        for line in ensure_demo_accounts():
            self.stdout.write(line)
        self.stdout.write(f"The newsroom: http://{host}:{port}/admin/")
        self.stdout.write(
            "Newsletter emails (confirmations, the daily digest) are printed here by the "
            "task worker; `sahafa send-digest` sends today's digest now."
        )
        if not no_serve:
            call_command("serve", host=host, port=port, access_log=True)
