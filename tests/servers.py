"""Real server processes for the stories that need them: `sahafa serve` (granian, as an
operator runs it) on the test database, and Debian's nginx with deploy/nginx/sahafa.conf."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from django.db import connection

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT = 60


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def wait_for_port(port, process):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {START_TIMEOUT} s")


@dataclass
class Answer:
    status: int
    headers: Message  # names compared case-insensitively, as HTTP does
    body: str


def get(port, path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read().decode())


class Processes:
    """Starts processes and stops every one of them at the end of the test."""

    def __init__(self, folder):
        self.folder = folder
        self.running = []

    def sahafa(self, task_worker=False, **environment):
        """`sahafa serve` on a free port, on the test database; with a task worker beside
        it only when asked (the stories that need one run it themselves)."""
        port = free_port()
        var = self.folder / f"sahafa-{port}"
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "SAHAFA_VAR_DIR": str(var),
            "SAHAFA_TASKS": "immediate",
            "WEB_CONCURRENCY": "1",
            "LOG_LEVEL": "WARNING",
            **environment,
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        log = open(self.folder / f"sahafa-{port}.log", "w")  # noqa: SIM115 - closed with it
        process = subprocess.Popen(
            [sys.executable, "-m", "sahafa", "serve", "--port", str(port)]
            + ([] if task_worker else ["--no-worker"]),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running.append(process)
        wait_for_port(port, process)
        return port, var

    def nginx(self, upstream_port, static_root):
        """Debian's nginx with the shipped configuration, on loopback."""
        port = free_port()
        root = self.folder / f"nginx-{port}"
        root.mkdir()
        site = (REPO / "deploy" / "nginx" / "sahafa.conf").read_text()
        for shipped, here in (
            ("/var/cache/nginx/sahafa", str(root / "cache")),
            ("127.0.0.1:8000", f"127.0.0.1:{upstream_port}"),
            ("listen 80;", f"listen 127.0.0.1:{port};"),
            ("/srv/sahafa/static/", f"{static_root}/"),
            ("/srv/sahafa/media/", f"{root}/media/"),
        ):
            assert shipped in site, shipped
            site = site.replace(shipped, here)
        temp = " ".join(
            f"{kind}_temp_path {root / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (root / "nginx.conf").write_text(
            f"daemon off; worker_processes 1; pid {root / 'nginx.pid'};\n"
            f"error_log {root / 'error.log'};\n"
            + ("user root;\n" if os.geteuid() == 0 else "")
            + "events { worker_connections 256; }\n"
            f"http {{ include /etc/nginx/mime.types; access_log off; {temp}\n{site}\n}}\n"
        )
        process = subprocess.Popen(
            [shutil.which("nginx") or "nginx", "-p", str(root), "-c", str(root / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running.append(process)
        wait_for_port(port, process)
        return port

    def stop(self):
        for process in self.running:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
