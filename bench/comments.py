"""Comment-posting load check: the demo newspaper served by `sahafa serve` (granian), and
a bounded crowd of readers posting comments on one article from loopback.

    .venv/bin/python bench/comments.py [--limits default|relaxed] [--seconds 30]
        [--posters 50] [--addresses N] [--database-url URL] [--cache-url URL]

Each poster is a reader with its own loopback address (127.0.0.2, 127.0.0.3, …) and its
own cookies: it opens the article (CSRF cookie, signed form timestamp), waits the minimum
fill time like a person, and posts a comment with a fresh email and text. With
`--limits default` the site's own spam defences apply (3 s fill time, 10 posts per IP and
5 per email per 10 minutes), so most late posts are refused with 429; with
`--limits relaxed` the fill time is 0 and the rate limits are lifted through the
documented SAHAFA_COMMENTS_* variables, to measure the write path itself.

Reports accepted (302) and refused (4xx) posts, any 5xx, posts per second, latency
percentiles, whether the server logged "database is locked", and the number of comments
that reached the database (it must equal the accepted count). Only loopback is contacted;
the run stops by itself after --seconds.
"""

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAHAFA = [sys.executable, "-m", "sahafa"]
ISSUED_INPUT = re.compile(r'name="issued" value="([^"]+)"')
ARTICLE_LINK = re.compile(r'href="(/[^/"]+/\d+/[^"#?]*)"')
COUNT_COMMENTS = "from sahafa.comments.models import Comment; print(Comment.objects.count())"
RUN = int(time.time())
RELAXED = {
    "SAHAFA_COMMENTS_MIN_FILL_SECONDS": "0",
    "SAHAFA_COMMENTS_RATE_PER_IP": "1000000/60",
    "SAHAFA_COMMENTS_RATE_PER_EMAIL": "1000000/60",
}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


class Poster(threading.Thread):
    """One reader at one loopback address, posting until the deadline."""

    def __init__(self, number, port, article_path, fill_seconds, deadline, results, address=None):
        super().__init__(daemon=True)
        self.number = number
        self.address = address or f"127.0.0.{number + 2}"
        self.port = port
        self.article_path = article_path
        self.fill_seconds = fill_seconds
        self.deadline = deadline
        self.results = results
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=60, source_address=(self.address, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";")[0]
            return response.status, text
        finally:
            connection.close()

    def run(self):
        serial = 0
        while time.monotonic() < self.deadline:
            status, page = self.request("GET", self.article_path)
            # A reader's form has no CSRF token (the page is the same cached bytes for
            # everyone); the browser's Origin header is what the site checks.
            issued = ISSUED_INPUT.search(page)
            if status != 200 or not issued:
                self.results.append(("get-failed", status, 0.0))
                continue
            time.sleep(self.fill_seconds)
            if time.monotonic() >= self.deadline:
                break
            serial += 1
            form = {
                "issued": issued.group(1),
                # Unique per run too: the duplicate rule would refuse a text seen before.
                "comment": f"تعليق القارئ {self.number} رقم {serial} في الجولة {RUN}: مقال مهم.",
                "author": f"قارئ {self.number}",
                "email": f"poster{self.number}-{serial}-{RUN}@bench.example",
                "url": "",
                "parent": "",
                "phone": "",
            }
            started = time.perf_counter()
            status, _ = self.request(
                "POST",
                f"/comments/post/{self.article_id}/",
                body=urllib.parse.urlencode(form),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Referer": f"http://127.0.0.1:{self.port}{self.article_path}",
                    "Origin": f"http://127.0.0.1:{self.port}",
                },
            )
            self.results.append(("post", status, (time.perf_counter() - started) * 1000))

    @property
    def article_id(self):
        return self.article_path.strip("/").split("/")[1]


def count_comments(env):
    out = subprocess.run(
        [*SAHAFA, "shell", "-c", COUNT_COMMENTS],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def forget_earlier_runs(cache_url):
    """Rate-limit counters of an earlier run live on in Redis for their window; the run
    starts from none (only keys under this bench's prefix are removed)."""
    import redis

    parts = urllib.parse.urlsplit(cache_url)
    prefix = urllib.parse.parse_qs(parts.query).get("prefix", ["sahafa"])[0]
    client = redis.Redis.from_url(cache_url.split("?")[0])
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def wait_for_server(port, seconds=60):
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/")
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limits", choices=["default", "relaxed"], default="default")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--posters", type=int, default=50)
    parser.add_argument(
        "--addresses",
        type=int,
        default=None,
        help="loopback addresses the posters share (default: one each)",
    )
    parser.add_argument("--port", type=int, default=8015)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--cache-url", default=None)
    parser.add_argument("--var-dir", default="/tmp/comments-bench-var")
    args = parser.parse_args()
    if not 1 <= args.posters <= 200 or not 0 < args.seconds <= 120:
        raise SystemExit("keep the load bounded: 1-200 posters, at most 120 seconds")

    shutil.rmtree(args.var_dir, ignore_errors=True)
    Path(args.var_dir).mkdir(parents=True)
    env = {**os.environ, "SAHAFA_VAR_DIR": args.var_dir, "LOG_LEVEL": "WARNING"}
    if args.database_url:
        env.update(DATABASE_URL=args.database_url, SECRET_KEY="bench-only-not-secret")
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
        forget_earlier_runs(args.cache_url)
    if args.limits == "relaxed":
        env.update(RELAXED)
    fill_seconds = 0.0 if args.limits == "relaxed" else 3.2

    subprocess.run([*SAHAFA, "demo", "--no-serve"], env=env, check=True, cwd=REPO,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    before = count_comments(env)
    log_path = Path(args.var_dir) / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*SAHAFA, "serve", "--port", str(args.port), "--workers", str(args.workers)],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_server(args.port)
            _, home = Poster(0, args.port, "/", 0, 0, []).request("GET", "/")
            article_path = ARTICLE_LINK.search(home).group(1)
            results = []
            deadline = time.monotonic() + args.seconds
            posters = [
                Poster(
                    n,
                    args.port,
                    article_path,
                    fill_seconds,
                    deadline,
                    results,
                    address=f"127.0.0.{n % (args.addresses or args.posters) + 2}",
                )
                for n in range(args.posters)
            ]
            started = time.monotonic()
            for poster in posters:
                poster.start()
            for poster in posters:
                poster.join(timeout=args.seconds + 90)
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)

    after = count_comments(env)
    server_log = log_path.read_text()
    posts = [(status, ms) for kind, status, ms in results if kind == "post"]
    statuses = Counter(status for status, _ in posts)
    accepted = sum(count for status, count in statuses.items() if 200 <= status < 400)
    refused = sum(count for status, count in statuses.items() if 400 <= status < 500)
    errors = sum(count for status, count in statuses.items() if status >= 500)
    latencies = [ms for _, ms in posts]
    print(f"database: {args.database_url or 'sqlite (demo)'}; cache: {args.cache_url or 'locmem'}")
    addresses = args.addresses or args.posters
    print(f"limits: {args.limits}; posters: {args.posters} from {addresses} addresses")
    print(f"seconds: {elapsed:.1f}")
    print(f"POSTs: {len(posts)}; statuses: {dict(sorted(statuses.items()))}")
    print(f"accepted (2xx/3xx): {accepted}; refused (4xx): {refused}; 5xx: {errors}")
    print(f"failed page loads: {sum(1 for kind, *_ in results if kind == 'get-failed')}")
    print(f"accepted posts/s: {accepted / elapsed:.1f}; all posts/s: {len(posts) / elapsed:.1f}")
    if latencies:
        print(
            f"POST latency ms: median {statistics.median(latencies):.1f}, "
            f"p95 {percentile(latencies, 0.95):.1f}, p99 {percentile(latencies, 0.99):.1f}, "
            f"max {max(latencies):.1f}"
        )
    locked = server_log.count("database is locked")
    print(f'"database is locked" in the server log: {locked}')
    print(f"comments in the database: {after - before} new (accepted: {accepted})")
    ok = errors == 0 and locked == 0 and after - before == accepted
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
