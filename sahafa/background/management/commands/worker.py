from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

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
