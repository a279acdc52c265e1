"""The task worker that `sahafa serve` runs beside the web server, so `make demo` needs no
second command: started when serving starts, started again if it dies, stopped when serving
stops — and, through the kernel, stopped even when `sahafa serve` is killed outright.
Production may run its workers elsewhere instead (`sahafa serve --no-worker`, and
`sahafa worker` there)."""

import logging
import os
import subprocess
import sys
import threading

from .processes import die_with_parent

logger = logging.getLogger("sahafa.background")
RESTART_DELAY = 2


class TaskWorkerSupervisor:
    def __init__(self):
        self._stopping = threading.Event()
        self._process = None
        self._thread = threading.Thread(target=self._supervise, daemon=True)

    def start(self):
        self._thread.start()

    def _supervise(self):
        # The worker is started from this thread, which lives as long as serving does: the
        # kernel's parent-death signal fires when the forking thread ends.
        parent = os.getpid()
        while not self._stopping.is_set():
            self._process = subprocess.Popen(
                [sys.executable, "-m", "sahafa", "worker"],
                preexec_fn=lambda: die_with_parent(parent),
            )
            logger.info("task worker started (pid %s)", self._process.pid)
            code = self._process.wait()
            if not self._stopping.is_set():
                logger.warning("task worker exited with %s; starting it again", code)
                self._stopping.wait(RESTART_DELAY)

    def stop(self):
        self._stopping.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        self._thread.join(timeout=15)
