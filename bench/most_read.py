"""Load test of the view counter («الأكثر قراءة»): N beacons to `sahafa serve` on Redis,
over loopback, with C connections; every view must be counted (counted = sent).

    .venv/bin/python bench/most_read.py                          # 100,000 views, 64 connections
    .venv/bin/python bench/most_read.py --views 20000 --connections 16 --workers 2

What it does, all on 127.0.0.1 and bounded (at most --views requests, --seconds of load):

1. a fresh SQLite database in a temporary folder, with --articles published stories, and
   `sahafa serve --no-worker` on a free port, its cache in Redis (--redis) under a key
   prefix of this run only (removed at the end);
2. wrk sends exactly --views beacons (POST /beacon/view?a=…&s=…, the page's own signed
   addresses), each from another reader address (X-Forwarded-For, believed from 127.0.0.1
   as from the shipped nginx) with a browser's User-Agent, spread over the articles;
3. meanwhile the counters in Redis are read every 10 ms: views/s is the views sent divided
   by the time from the start of wrk until the counters hold all of them;
4. `sahafa most-read` folds the counters into the database, whose rows must hold them all.

The report: sent, answered 204, counted in Redis, rows in the database, views/s (target
5,000/s). Exit status 1 when a view was lost or the target was missed. Needs wrk and Redis.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

# A sibling script: `python bench/most_read.py` puts bench/ first on sys.path.
from reader_http import free_port, wait_for

SAHAFA = [sys.executable, "-m", "sahafa"]
TARGET = 5000
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
HOUR = 3600

# Each wrk thread sends its quota of counted beacons, each from a new address, then only
# cheap requests for a static file until its last beacon is answered, and stops. (Session 3's
# "one view lost" was the request wrk builds only to check the script: thread 0 counted it
# as sent, waited for its answer and ran out the clock.)
LUA = r"""
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  thread:set("quota", QUOTAS[counter + 1])
  thread:set("offset", OFFSETS[counter + 1])
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  sent, answered, bad = 0, 0, 0
  -- wrk builds thread 0's first request once more, to check it, and never sends it.
  checked = id ~= 0
end
function request()
  if not checked then
    checked = true
    return wrk.format("GET", IDLE)
  end
  if sent >= quota then
    return wrk.format("GET", IDLE)
  end
  local n = offset + sent
  sent = sent + 1
  local address = string.format("10.%d.%d.%d",
    math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", PATHS[(n % #PATHS) + 1],
    {["X-Forwarded-For"] = address, ["User-Agent"] = AGENT}, "")
end
function response(status, headers, body)
  -- 200: a static file asked for after the quota; 204: a counted beacon; else an error.
  if status == 200 or answered + bad >= quota then return end
  if status == 204 then answered = answered + 1 else bad = bad + 1 end
  if answered + bad >= quota then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local s, a, b = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent"); a = a + t:get("answered"); b = b + t:get("bad")
  end
  io.write(string.format("RESULT sent=%d answered=%d bad=%d\n", s, a, b))
end
"""

ARTICLES = """
from django.urls import reverse
from django.utils.http import urlencode
from sahafa.articles import workflow
from sahafa.articles.models import Article, Section
from sahafa.mostread.counting import signature
section, _ = Section.objects.get_or_create(slug="news", defaults={{"name": "أخبار"}})
for n in range({count}):
    article = Article.objects.create(
        headline=f"خبر للقياس رقم {{n}}", section=section, body="<p>نص الخبر.</p>"
    )
    workflow.publish(article, by=None)
    query = urlencode({{"a": article.pk, "s": signature(article.pk)}})
    print("BEACON", article.pk, reverse("mostread:beacon") + "?" + query)
"""

TABLE = """
from django.db.models import Sum
from sahafa.mostread.models import HourlyViews
print("ROWS", HourlyViews.objects.aggregate(total=Sum("views"))["total"] or 0)
"""


def lua_list(items):
    return "{" + ", ".join(items) + "}"


def wrk_script(folder, paths, quotas):
    offsets = [sum(quotas[:n]) for n in range(len(quotas))]
    head = (
        "PATHS = " + lua_list('"' + path + '"' for path in paths) + "\n"
        f"QUOTAS = {lua_list(str(q) for q in quotas)}\n"
        f"OFFSETS = {lua_list(str(o) for o in offsets)}\n"
        f'AGENT = "{BROWSER}"\nIDLE = "/static/mostread/beacon.js"\n'
    )
    script = folder / "beacons.lua"
    script.write_text(head + LUA)
    return script


def counted(client, prefix, ids, hours):
    keys = [f"{prefix}:1:mostread:views:{hour}:{pk}" for hour in hours for pk in ids]
    return sum(int(value) for value in client.mget(keys) if value is not None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--views", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seconds", type=int, default=120, help="upper bound of the load")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    args = parser.parse_args()
    if not (1 <= args.views <= 5_000_000 and 1 <= args.connections <= 1024):
        sys.exit("--views must be 1 to 5,000,000 and --connections 1 to 1024")
    if not args.redis.startswith("redis://127.0.0.1"):
        sys.exit("loopback only: --redis must be redis://127.0.0.1…")
    threads = max(1, min(args.threads, args.connections))

    prefix = f"bench-mostread-{os.getpid()}"
    folder = Path(tempfile.mkdtemp(prefix="sahafa-bench-mostread-"))
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "CACHE_URL": f"{args.redis}?prefix={prefix}",
        "SAHAFA_VAR_DIR": str(folder / "var"),
        "SECRET_KEY": "benchmark-only",
        "SAHAFA_TASKS": "immediate",
        "SAHAFA_TRUSTED_PROXIES": "127.0.0.1,::1",
        "LOG_LEVEL": "WARNING",
    }
    client = redis.Redis.from_url(args.redis)
    server = None
    try:
        subprocess.run([*SAHAFA, "migrate", "-v0"], env=environment, check=True)
        made = subprocess.run(
            [*SAHAFA, "shell", "-c", ARTICLES.format(count=args.articles)],
            env=environment, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        beacons = [line.split()[1:] for line in made.splitlines() if line.startswith("BEACON")]
        ids = [int(pk) for pk, _path in beacons]
        paths = [path for _pk, path in beacons]

        port = free_port()
        server = subprocess.Popen(
            [*SAHAFA, "serve", "--no-worker", "--port", str(port), "--workers", str(args.workers)],
            env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        wait_for(port)

        quotas = [args.views // threads + (n < args.views % threads) for n in range(threads)]
        script = wrk_script(folder, paths, quotas)
        hour = int(time.time() // HOUR)
        hours = (hour, hour + 1)
        started = time.monotonic()
        load = subprocess.Popen(
            ["wrk", f"-t{threads}", f"-c{args.connections}", f"-d{args.seconds}s",
             "--timeout", "30s", "-s", str(script), f"http://127.0.0.1:{port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        seen = 0
        while load.poll() is None and seen < args.views:
            time.sleep(0.01)
            seen = counted(client, prefix, ids, hours)
        elapsed = time.monotonic() - started
        if load.poll() is None:
            load.send_signal(signal.SIGINT)  # wrk prints its results and ends
        output = load.communicate(timeout=60)[0]
        result = dict(
            part.split("=") for line in output.splitlines() if line.startswith("RESULT")
            for part in line.split()[1:]
        )  # fmt: skip
        seen = counted(client, prefix, ids, hours)

        subprocess.run([*SAHAFA, "most-read"], env=environment, capture_output=True, check=True)
        rows = subprocess.run(
            [*SAHAFA, "shell", "-c", TABLE],
            env=environment, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        stored = int(rows.split("ROWS")[-1].split()[0]) if "ROWS" in rows else -1
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        for keys in _batches(client.scan_iter(match=f"{prefix}:*", count=1000)):
            client.delete(*keys)

    sent = int(result.get("sent", -1))
    answered = int(result.get("answered", -1))
    rate = sent / elapsed if elapsed else 0.0
    print(
        "| views sent | answered 204 | counted in Redis | rows in the database | seconds "
        "| views/s |\n| --- | --- | --- | --- | --- | --- |\n"
        f"| {sent:,} | {answered:,} | {seen:,} | {stored:,} | {elapsed:.2f} | {rate:,.0f} |\n"
        f"connections {args.connections}, wrk threads {threads}, web workers {args.workers}, "
        f"articles {args.articles}"
    )
    errors = [line.strip() for line in output.splitlines() if "errors" in line or "Non-2xx" in line]
    if errors:
        print("wrk:", "; ".join(errors))
    lost = not (sent == answered == seen == stored == args.views)
    if lost:
        print("LOST VIEWS: counted ≠ sent")
    if rate < TARGET:
        print(f"below the target of {TARGET:,} views/s")
    sys.exit(1 if lost or rate < TARGET else 0)


def _batches(iterator, size=1000):
    batch = []
    for item in iterator:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


if __name__ == "__main__":
    main()
