"""The task worker that `sahafa serve` runs beside the web server, so `make demo` needs no
second command: started when serving starts, started again if it dies, stopped when serving
stops — and, through the kernel, stopped even when `sahafa serve` is killed outright.
Production may run its workers elsewhere instead (`sahafa serve --no-worker`, and
`sahafa worker` there)."""

import contextlib
import logging
import os
import signal
import sys
import threading

logger = logging.getLogger("sahafa.background")
RESTART_DELAY = 2
STOP_TIMEOUT = 10


class TaskWorkerSupervisor:
    def __init__(self):
        self._stopping = threading.Event()
        self._pid = None
        self._thread = threading.Thread(target=self._supervise, daemon=True)

    def start(self):
        self._thread.start()

    def _supervise(self):
        # posix_spawn, not subprocess.Popen: Popen waits on a pipe that closes when the child
        # runs `exec`, and granian forks its web workers from this same process at any time;
        # a web worker forked in that moment holds the pipe open for good, and Popen then
        # never returns (seen: a worker that was never started again). The worker asks the
        # kernel for the parent-death signal itself (it reads SAHAFA_SERVER_PID); it fires
        # when this thread, which lives as long as serving does, ends.
        command = [sys.executable, "-m", "sahafa", "worker"]
        while not self._stopping.is_set():
            self._pid = os.posix_spawn(sys.executable, command, os.environ)
            logger.info("task worker started (pid %s)", self._pid)
            _pid, status = os.waitpid(self._pid, 0)
            self._pid = None
            if not self._stopping.is_set():
                code = os.waitstatus_to_exitcode(status)
                logger.warning("task worker exited with %s; starting it again", code)
                self._stopping.wait(RESTART_DELAY)

    def stop(self):
        self._stopping.set()
        for stop_signal in (signal.SIGTERM, signal.SIGKILL):
            pid = self._pid
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, stop_signal)
            self._thread.join(timeout=STOP_TIMEOUT)
            if not self._thread.is_alive():
                return
