from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand

from .worker import DATABASE, RQ

LISTED_FAILURES = 10


class Command(BaseCommand):
    help = "What the background queue holds: tasks waiting, running, done and failed."

    def handle(self, *args, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == DATABASE:
            self.database_queue()
        elif backend == RQ:
            self.redis_queue()
        else:
            self.stdout.write("SAHAFA_TASKS runs tasks where they are enqueued: no queue.")

    def database_queue(self):
        from django_tasks_db.models import DBTaskResult

        counts = Counter(DBTaskResult.objects.values_list("status", flat=True))
        self.stdout.write("database queue: " + self.summary(counts))
        for result in DBTaskResult.objects.failed().order_by("-finished_at")[:LISTED_FAILURES]:
            error = result.traceback.strip().splitlines()[-1:] or [result.exception_class_path]
            self.stdout.write(
                f"  FAILED {result.finished_at:%Y-%m-%d %H:%M:%S} {result.task_path}"
                f" {result.args_kwargs}: {error[0]}"
            )

    def redis_queue(self):
        import django_rq
        from rq.registry import FailedJobRegistry, StartedJobRegistry

        queue = django_rq.get_queue("default")
        failed = FailedJobRegistry(queue=queue)
        counts = {
            "READY": queue.count,
            "RUNNING": StartedJobRegistry(queue=queue).count,
            "FAILED": failed.count,
        }
        self.stdout.write("redis queue: " + self.summary(counts))
        for job in queue.job_class.fetch_many(
            failed.get_job_ids()[:LISTED_FAILURES], queue.connection
        ):
            if job is not None:
                error = (job.latest_result().exc_string or "").strip().splitlines()[-1:] or [""]
                self.stdout.write(f"  FAILED {job.func_name} {job.args}: {error[0]}")

    @staticmethod
    def summary(counts):
        order = ["READY", "RUNNING", "SUCCESSFUL", "FAILED"]
        return ", ".join(f"{status.lower()} {counts.get(status, 0)}" for status in order)
