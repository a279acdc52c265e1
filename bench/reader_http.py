"""HTTP benchmark of reader pages with the whole corpus imported, over loopback with wrk.

    .venv/bin/python bench/reader_http.py                         # SQLite, /tmp/sahafa-bench-http
    .venv/bin/python bench/reader_http.py --postgres              # PostgreSQL + Redis

The first run imports ../shared/corpus into the database (kept for later runs). Then, in one
run, each configuration is loaded with `wrk -t2 -c16 -d<seconds>s` for every page, for
several rounds; the table shows the median req/s and latencies, and each configuration's
req/s as a share of nginx serving the article's very bytes as a static file in the same run:

- nginx file: each stored page saved as a file, served by Debian's nginx (the ceiling;
  shares are given of the article's file, as the issue asks, and of the page's own bytes);
- cache hit: `sahafa serve` with the page cache on, every page already stored;
- cold: `sahafa serve` with the page cache off (SAHAFA_PAGE_CACHE_SECONDS=0);
- nginx + sahafa: deploy/nginx/sahafa.conf in front of the cache-hit server;
- "archive, each once": a different archive article at every request (a crawler walking
  the archive, or readers arriving from search engines): the public articles, shuffled,
  shared out between the loads so that no run asks for one twice (5,111 a load at three
  rounds); on the cache-hit server each is a miss that renders and stores its page, on
  the cold one a render that keeps nothing.

Only 127.0.0.1 is contacted; every server started here is stopped at the end.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
# What `sahafa serve` starts when not told (WEB_CONCURRENCY, else one per core).
SERVE_WORKERS = int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 1)
SQLITE = Path(tempfile.gettempdir()) / "sahafa-bench-http" / "corpus.sqlite3"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/sahafa_bench_http"
REDIS_URL = "redis://127.0.0.1:6379/5"
SAHAFA = [sys.executable, "-m", "sahafa"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"nothing listens on {port}")


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
        return response.read()


def wrk(port, path, seconds, connections, script=None, env=None):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency",
         *(["-s", str(script)] if script else []), f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True, env={**os.environ, **(env or {})},
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, _ms(latency["50"]), _ms(latency["99"]), int(errors.group(1)) if errors else 0


# wrk's script for the archive load: each request the next path of $PATHS, the threads
# taking turns.
EACH_ONCE_LUA = """
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local threads = 0
function setup(thread) thread:set("step", threads); threads = threads + 1 end
function init(args) position = step end
function request()
  position = position + 2
  return wrk.format(nil, paths[(position % #paths) + 1])
end
"""


def wrk_each_once(port, paths, seconds, connections, folder):
    """`wrk` asking for each of `paths` once, in turn."""
    listing = folder / "each-once.txt"
    listing.write_text("\n".join(paths) + "\n")
    script = folder / "each-once.lua"
    script.write_text(EACH_ONCE_LUA)
    return wrk(port, "/", seconds, connections, script=script, env={"PATHS": str(listing)})


def sahafa_shell(code, environment):
    """What `sahafa shell -c code` printed, run with `environment`."""
    return subprocess.run(
        [*SAHAFA, "shell", "-c", code],
        env={**os.environ, **environment}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def archive_paths(environment):
    """Every public article's path, in an order unrelated to age."""
    output = sahafa_shell(
        "from sahafa.articles.models import Article\n"
        "for a in Article.objects.published().select_related('section').order_by('?'):"
        " print(a.get_absolute_url())",
        environment,
    )
    return [line for line in output.split() if line.startswith("/")]


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def rss_per_worker_mb(master_pid):
    """Peak resident memory (VmHWM) of each child process (web worker) of `master_pid`."""
    peaks = []
    for child in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        status = Path(f"/proc/{child}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024)
    return peaks


class Servers:
    def __init__(self, folder, environment):
        self.folder, self.environment, self.processes = folder, environment, []

    def start(self, command, env=None, **kwargs):
        process = subprocess.Popen(
            command,
            env={**os.environ, **self.environment, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            **kwargs,
        )
        self.processes.append(process)
        return process

    def sahafa(self, cache_seconds, workers):
        port = free_port()
        process = self.start(
            [*SAHAFA, "serve", "--no-worker", "--port", str(port), "--workers", str(workers)],
            env={"SAHAFA_PAGE_CACHE_SECONDS": str(cache_seconds)},
        )
        wait_for(port)
        return port, process

    def nginx(self, site_conf):
        port = free_port()
        root = self.folder / f"nginx-{port}"
        root.mkdir()
        temp = " ".join(
            f"{kind}_temp_path {root / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (root / "nginx.conf").write_text(
            f"daemon off; worker_processes 2; pid {root / 'nginx.pid'}; error_log {root / 'e'};\n"
            + ("user root;\n" if os.geteuid() == 0 else "")
            + "events { worker_connections 1024; }\n"
            f"http {{ include /etc/nginx/mime.types; access_log off; {temp}\n"
            + site_conf(port, root)
            + "\n}\n"
        )
        self.start(["nginx", "-p", str(root), "-c", str(root / "nginx.conf")])
        wait_for(port)
        return port

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)


def server_environment(args, folder):
    """The environment of the servers and commands a benchmark starts."""
    return {
        "DATABASE_URL": args.postgres or f"sqlite:///{args.sqlite}",
        "CACHE_URL": REDIS_URL if args.postgres else f"file://{folder / 'cache'}",
        "SAHAFA_VAR_DIR": str(folder / "var"),
        "SECRET_KEY": "benchmark-only",
        "SAHAFA_TASKS": "immediate",
        "LOG_LEVEL": "WARNING",
    }


def prepare_database(args, environment):
    env = {**os.environ, **environment}
    if args.postgres:
        import psycopg

        name = args.postgres.rsplit("/", 1)[1]
        with psycopg.connect(args.postgres.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                db.execute(f'CREATE DATABASE "{name}"')
    else:
        args.sqlite.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*SAHAFA, "migrate", "-v0"], env=env, check=True)
    count = sahafa_shell(
        "from sahafa.articles.models import Article; print(Article.objects.published().count())",
        environment,
    ).split()[-1]
    if int(count) < 30000:
        print("importing the corpus …", flush=True)
        subprocess.run(
            [*SAHAFA, "import-json", str(args.corpus), "--no-progress"], env=env, check=True
        )
    return sahafa_shell(
        "from sahafa.articles.models import Article; "
        "a = Article.objects.published().filter(section__slug='news').newest_first()[30]; "
        "print(a.get_absolute_url())",
        environment,
    ).split()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", nargs="?", const=POSTGRES_URL, metavar="URL")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--workers", type=int, default=SERVE_WORKERS, help="default: as `sahafa serve`"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sqlite", type=Path, default=SQLITE, help="the SQLite database file")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install {tool}")
    folder = Path(tempfile.mkdtemp(prefix="sahafa-bench-http-"))
    environment = server_environment(args, folder)
    if args.postgres:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    article = prepare_database(args, environment)
    pages = {
        "article": article,
        "home": "/",
        "section": "/news/",
        "section p.50": "/news/?page=50",
        "search": "/search/?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7",
    }
    servers = Servers(folder, environment)
    try:
        hit_port, hit_process = servers.sahafa(600, args.workers)
        cold_port, cold_process = servers.sahafa(0, args.workers)
        # Each stored page's very bytes as a file: the ceiling for that page (the front
        # page is twice the article's size); the article's is the reference.
        (folder / "www").mkdir()
        same_bytes = {}
        for page, path in pages.items():
            if page != "search":
                name = page.replace(" ", "-").replace(".", "") + ".html"
                (folder / "www" / name).write_bytes(fetch(hit_port, path))
                same_bytes[page] = f"/{name}"
        static_port = servers.nginx(
            lambda port, root: f"server {{ listen 127.0.0.1:{port}; root {folder / 'www'}; }}"
        )
        shipped = (REPO / "deploy" / "nginx" / "sahafa.conf").read_text()
        proxy_port = servers.nginx(
            lambda port, root: (
                shipped.replace("/var/cache/nginx/sahafa", str(root / "cache"))
                .replace("127.0.0.1:8000", f"127.0.0.1:{hit_port}")
                .replace("listen 80;", f"listen 127.0.0.1:{port};")
                .replace("/srv/sahafa/static/", str(folder / "var" / "static") + "/")
                .replace("/srv/sahafa/media/", str(folder / "var" / "media") + "/")
            )
        )
        targets = {
            "nginx file": (static_port, same_bytes),
            "cache hit": (hit_port, pages),
            "cold": (cold_port, pages),
            "nginx + sahafa": (proxy_port, pages),
        }
        for port, paths in targets.values():
            for path in paths.values():  # warm: stored in every cache on the way
                fetch(port, path)
                fetch(port, path)
        archive = archive_paths(environment)
        each_load = len(archive) // (2 * args.rounds)
        results = {}
        for _round in range(args.rounds):
            for name, (port, paths) in targets.items():
                for page, path in paths.items():
                    if name != "cold" and page == "search":
                        continue  # search results are never stored: cold is the only case
                    measured = wrk(port, path, args.seconds, args.connections)
                    results.setdefault((name, page), []).append(measured)
            for name, port in (("page cache, misses", hit_port), ("cold", cold_port)):
                never_asked, archive = archive[:each_load], archive[each_load:]
                measured = wrk_each_once(port, never_asked, args.seconds, args.connections, folder)
                results.setdefault((name, "archive, each once"), []).append(measured)
        rss = {
            "cache hit": rss_per_worker_mb(hit_process.pid),
            "cold": rss_per_worker_mb(cold_process.pid),
        }
    finally:
        servers.stop()
        shutil.rmtree(folder, ignore_errors=True)

    def median_rate(name, page):
        return statistics.median(run[0] for run in results[(name, page)])

    ceiling = median_rate("nginx file", "article")
    backend = "PostgreSQL + Redis" if args.postgres else "SQLite + file cache"
    print(f"{backend}; {args.workers} web workers; wrk -t2 -c{args.connections} "
          f"-d{args.seconds}s; median of {args.rounds} rounds")  # fmt: skip
    print("| server | page | req/s | of nginx, article file | of nginx, same bytes "
          "| p50 ms | p99 ms | non-2xx |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (name, page), runs in results.items():
        rate = median_rate(name, page)
        same = f"{rate / median_rate('nginx file', page):.0%}" if page in same_bytes else "—"
        p50 = statistics.median(run[1] for run in runs)
        p99 = statistics.median(run[2] for run in runs)
        errors = sum(run[3] for run in runs)
        print(f"| {name} | {page} | {rate:,.0f} | {rate / ceiling:.0%} | {same} | {p50:.1f} "
              f"| {p99:.1f} | {errors} |")  # fmt: skip
    for name, peaks in rss.items():
        print(f"peak RSS per worker, {name}: " + ", ".join(f"{peak:.0f} MB" for peak in peaks))


if __name__ == "__main__":
    main()
