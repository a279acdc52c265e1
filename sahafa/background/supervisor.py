"""The task worker that `sahafa serve` runs beside the web server, so `make demo` needs no
second command: started when serving starts, started again if it dies, stopped when serving
stops — and, through the kernel, stopped even when `sahafa serve` is killed outright.
Production may run its workers elsewhere instead (`sahafa serve --no-worker`, and
`sahafa worker` there)."""

import logging
import subprocess
import sys
import threading

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
        # kernel's parent-death signal, which the worker asks for when it starts (it reads
        # SAHAFA_SERVER_PID), fires when the forking thread ends. Not a preexec_fn: code run
        # between fork and exec in a threaded process can deadlock on a lock another thread
        # held at the fork (the likely cause of a restarted worker that once never started).
        while not self._stopping.is_set():
            self._process = subprocess.Popen([sys.executable, "-m", "sahafa", "worker"])
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
