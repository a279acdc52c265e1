"""Reader-page benchmark: the demo newspaper served by `sahafa serve` (granian), loaded
from loopback by a bounded pool of concurrent readers.

    .venv/bin/python bench/pages.py [--seconds 20] [--concurrency 16] [--database-url URL]

Reports requests per second, latency percentiles per page kind, status codes, and the
peak resident memory of the server's processes. Only 127.0.0.1 is ever contacted.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAHAFA = [sys.executable, "-m", "sahafa"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def fetch(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def server_rss_mb(pid):
    """Resident memory of the server process and its workers, from /proc."""
    total = 0
    for child in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except FileNotFoundError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--port", type=int, default=8031)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="sahafa-bench-pages-")
    env = {**os.environ, "SAHAFA_VAR_DIR": var, "LOG_LEVEL": "WARNING"}
    if args.database_url:
        env.update(DATABASE_URL=args.database_url, SECRET_KEY="bench-only")
    subprocess.run([*SAHAFA, "demo", "--no-serve"], env=env, check=True, cwd=REPO)
    server = subprocess.Popen(
        [*SAHAFA, "serve", "--port", str(args.port), "--workers", str(args.workers)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                home = urllib.request.urlopen(base + "/", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("server did not start")
        article_paths = sorted(set(re.findall(r'href="(/[a-z]+/\d+/[^"]+/)"', home)))[:10]
        targets = {"home": ["/"], "section": ["/politics/", "/economy/"], "article": article_paths}
        urls = [(kind, base + path) for kind, paths in targets.items() for path in paths]

        results = defaultdict(list)
        statuses = Counter()
        lock = threading.Lock()
        deadline = time.monotonic() + args.seconds
        peak_rss = 0.0

        def reader(offset):
            index = offset
            while time.monotonic() < deadline:
                kind, url = urls[index % len(urls)]
                index += 1
                status, ms = fetch(url)
                with lock:
                    results[kind].append(ms)
                    statuses[status] += 1

        started = time.monotonic()
        with ThreadPoolExecutor(args.concurrency) as pool:
            for offset in range(args.concurrency):
                pool.submit(reader, offset)
            while time.monotonic() < deadline:
                peak_rss = max(peak_rss, server_rss_mb(server.pid))
                time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(len(v) for v in results.values())
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"backend: {backend}, web workers: {args.workers}, readers: {args.concurrency}")
    print(f"requests: {total} in {elapsed:.1f} s = {total / elapsed:.0f} req/s")
    print(f"status codes: {dict(statuses)}")
    print(f"server peak RSS (master + workers): {peak_rss:.0f} MB")
    print("| page | requests | p50 ms | p95 ms | p99 ms |")
    print("| --- | --- | --- | --- | --- |")
    for kind, values in results.items():
        print(
            f"| {kind} | {len(values)} | {statistics.median(values):.1f} | "
            f"{percentile(values, 0.95):.1f} | {percentile(values, 0.99):.1f} |"
        )


if __name__ == "__main__":
    main()
