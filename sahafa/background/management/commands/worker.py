import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from sahafa.background.processes import die_with_parent

DATABASE = "django_tasks_db.DatabaseBackend"
RQ = "django_tasks_rq.RQBackend"


class Command(BaseCommand):
    help = (
        "Run a background task worker for the configured backend (SAHAFA_TASKS): the "
        "database queue, or Redis through RQ. Run as many as you like, on any machine."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then stop."
        )

    def handle(self, *args, batch, **options):
        server = os.environ.get("SAHAFA_SERVER_PID")
        if server:
            # Started by `sahafa serve` (sahafa/background/supervisor.py): end with it, even
            # when it is killed outright.
            die_with_parent(int(server))
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == DATABASE:
            call_command("db_worker", interval=1, startup_delay=False, batch=batch, reload=False)
        elif backend == RQ:
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                burst=batch,
            )
        else:
            self.stdout.write("SAHAFA_TASKS runs tasks where they are enqueued: no worker needed.")
