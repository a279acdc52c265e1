"""gunicorn settings hooks for `sahafa serve`: the arbiter starts one task worker
(`sahafa worker`) beside the web workers when the site is ready, starts it again if it
dies, and stops it on shutdown, so `make demo` needs no second command. Production may run
its workers elsewhere instead (`sahafa serve --no-worker`, and `sahafa worker` there)."""

import os
import subprocess
import sys
import threading
import time

_worker = {}
RESTART_DELAY = 2


def when_ready(server):
    if os.environ.get("SAHAFA_SERVE_WORKER", "1") != "1":
        return
    _worker["running"] = True
    threading.Thread(target=_supervise, args=(server.log,), daemon=True).start()


def _supervise(log):
    while _worker.get("running"):
        process = subprocess.Popen([sys.executable, "-m", "sahafa", "worker"])
        _worker["process"] = process
        log.info("task worker started (pid %s)", process.pid)
        code = process.wait()
        if _worker.get("running"):
            log.warning("task worker exited with %s; starting it again", code)
            time.sleep(RESTART_DELAY)


def on_exit(server):
    _worker["running"] = False
    process = _worker.get("process")
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
