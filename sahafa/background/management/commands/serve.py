import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from granian import Granian
from granian.constants import Interfaces

from sahafa.background.addresses import follow_served_address
from sahafa.background.supervisor import TaskWorkerSupervisor

# Threads per web worker that run Django: a request waiting on the database or the cache
# leaves the others running. Connections themselves are handled by granian's Rust side.
THREADS_PER_WORKER = 4


class Command(BaseCommand):
    help = (
        "Serve the site with granian (static files through WhiteNoise), with a task worker "
        "beside it."
    )

    def add_arguments(self, parser):
        # Defaults from HOST, PORT and WEB_CONCURRENCY, read by sahafa/settings.py.
        parser.add_argument("--host", default=settings.SERVE_HOST)
        parser.add_argument("--port", type=int, default=settings.SERVE_PORT)
        parser.add_argument("--workers", type=int, default=settings.SERVE_WORKERS)
        parser.add_argument(
            "--access-log",
            action="store_true",
            default=settings.SERVE_ACCESS_LOG,
            help="Print a line per request (default: SAHAFA_ACCESS_LOG, off).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Run no background task worker beside the site (run `sahafa worker` elsewhere).",
        )

    def handle(self, *args, host, port, workers, access_log, no_worker, **options):
        follow_served_address(host, port)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"صحافة تعمل على http://{host}:{port}/"))
        self.stdout.flush()
        # The web workers read it (sahafa/wsgi.py) to end with this process.
        os.environ["SAHAFA_SERVER_PID"] = str(os.getpid())
        supervisor = None if no_worker else TaskWorkerSupervisor()
        if supervisor is not None:
            supervisor.start()
        try:
            Granian(
                "sahafa.wsgi:application",
                address=host,
                port=port,
                interface=Interfaces.WSGI,
                workers=workers,
                blocking_threads=THREADS_PER_WORKER,
                respawn_failed_workers=True,
                log_access=access_log,
            ).serve()
        finally:
            if supervisor is not None:
                supervisor.stop()
