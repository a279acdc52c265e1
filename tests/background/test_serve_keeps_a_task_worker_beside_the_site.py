"""`sahafa serve` (what `make demo` runs) keeps one task worker beside the site: it starts
it, starts it again when it dies, and takes it down with it — even when the server itself
is killed outright, neither the task worker nor a web worker lingers (one would keep the
port)."""

import os
import signal
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PATIENCE = 60


def children_of(parent_pid, only=b""):
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == parent_pid and any(only in part for part in command):
            children.append(int(stat.parent.name))
    return children


def eventually(condition):
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"not within {PATIENCE} s: {condition.__doc__}")


def is_gone(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie is gone too: it runs nothing and waits only to be reaped by init.
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_the_worker_is_started_restarted_and_dies_with_the_server(processes):
    processes.sahafa(task_worker=True, SAHAFA_TASKS="database", LOG_LEVEL="INFO")
    server = processes.running[-1].pid

    def one_worker():
        """the server has a task worker"""
        return children_of(server, only=b"worker")

    (first,) = eventually(one_worker)
    os.kill(first, signal.SIGKILL)

    def another_worker():
        """the server started a new task worker"""
        return [pid for pid in children_of(server, only=b"worker") if pid != first]

    (second,) = eventually(another_worker)
    web_workers = [pid for pid in children_of(server) if pid != second]
    assert web_workers
    os.kill(server, signal.SIGKILL)

    def workers_gone():
        """the task worker and the web workers ended with the server"""
        return all(is_gone(pid) for pid in [second, *web_workers])

    eventually(workers_gone)
