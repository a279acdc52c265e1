import os
import subprocess
import sys

import pytest
from django.db import connection

WORKER_TIMEOUT = 120


@pytest.fixture
def run_workers(newsroom_roles_kept):
    """Starts `sahafa worker --batch` in `count` processes of their own, on the test
    database, and waits for them all to drain the queue."""

    def run(count=1, **environment):
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            database_url = f"sqlite:///{settings['NAME']}"
        else:
            database_url = (
                f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
                f"/{settings['NAME']}"
            )
        env = {**os.environ, "DATABASE_URL": database_url, **environment}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        workers = [
            subprocess.Popen(
                [sys.executable, "-m", "sahafa", "worker", "--batch"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(count)
        ]
        outputs = [worker.communicate(timeout=WORKER_TIMEOUT)[0] for worker in workers]
        for worker, output in zip(workers, outputs, strict=True):
            assert worker.returncode == 0, output
        return outputs

    return run
