import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser):
        # Defaults from HOST, PORT and WEB_CONCURRENCY, read by sahafa/settings.py.
        parser.add_argument("--host", default=settings.SERVE_HOST)
        parser.add_argument("--port", type=int, default=settings.SERVE_PORT)
        parser.add_argument("--workers", type=int, default=settings.SERVE_WORKERS)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Run no background task worker beside the site (run `sahafa worker` elsewhere).",
        )

    def handle(self, *args, host, port, workers, no_worker, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        os.environ["SAHAFA_SERVE_WORKER"] = "0" if no_worker else "1"
        self.stdout.write(self.style.SUCCESS(f"صحافة تعمل على http://{host}:{port}/"))
        sys.stdout.flush()
        os.execvp(
            sys.executable,
            [
                sys.executable, "-m", "gunicorn", "sahafa.wsgi:application",
                "--config", "python:sahafa.background.gunicorn",
                "--bind", f"{host}:{port}",
                "--workers", str(workers),
                "--worker-class", "gthread",
                "--threads", "4",
                "--access-logfile", "-",
                "--forwarded-allow-ips", settings.SERVE_FORWARDED_ALLOW_IPS,
            ],
        )  # fmt: skip
