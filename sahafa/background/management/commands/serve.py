import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

from sahafa.background.addresses import follow_served_address


class Command(BaseCommand):
    help = "Serve the site with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) * 2 + 1))),
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Run no background task worker beside the site (run `sahafa worker` elsewhere).",
        )

    def handle(self, *args, host, port, workers, no_worker, **options):
        follow_served_address(host, port)
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
                "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            ],
        )  # fmt: skip
