"""Search over HTTP on the whole corpus: a reader's mix of queries, and what hostile ones cost.

    .venv/bin/python bench/search_http.py               # SQLite, /tmp/sahafa-bench-http
    .venv/bin/python bench/search_http.py --postgres    # PostgreSQL + Redis
    .venv/bin/python bench/search_http.py --sqlite /tmp/mine/corpus.sqlite3  # another copy

Uses the database of bench/reader_http.py (importing the corpus on the first run) and one
`sahafa serve --no-worker` (granian, page cache on; search pages are never stored). For
several rounds it measures, all over loopback:

- the results page `/search/?q=` for a realistic mix — 3-5 words of a headline as written,
  2-3 of its words in another order, a single common word (النفط، السعودية، وزير …), and a
  word with a typo that takes the «هل تقصد» path — at 1 client and at 8 concurrent clients,
  on two servers over the same database: one with the answer cache off
  (`SAHAFA_SEARCH_CACHE_SECONDS=0`: every query ranked by the engine, rows "cold") and one as
  configured by default (answers kept 60 s in the shared cache, rows "kept": a query asked
  again within the minute is a cache hit, so these rows say nothing about the engine);
- on the cold server: hostile queries at 1 client (request lines of 4 KB, as in issue 10, filled
  with unknown words, random letters, quoted phrases or exclusions), each as a ratio of
  its median to the median of the normal mix measured in the same round (target: ≤ 3×);
- an article page's throughput (`wrk -c4`) while four clients search non-stop, with the
  normal mix and then with hostile queries (the slowdown lever of issue 10): the clients
  share the machine's two cores with the server either way, so the ratio is what counts.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Sibling scripts: `python bench/search_http.py` puts bench/ first on sys.path.
from reader_http import (
    CORPUS,
    POSTGRES_URL,
    SERVE_WORKERS,
    SQLITE,
    Servers,
    fetch,
    prepare_database,
    sahafa_shell,
    server_environment,
    wrk,
)

COMMON_WORDS = ("النفط", "السعودية", "وزير", "الرياض", "الملك", "أمير", "التعليم", "الصحة")
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def headlines(environment):
    output = sahafa_shell(
        "from sahafa.articles.models import Article\n"
        "titles = Article.objects.published().order_by('?').values_list('headline', flat=True)\n"
        "for h in titles[:600]: print(h.replace('\\n', ' '))",
        environment,
    )
    return [line for line in output.splitlines() if len(line.split()) >= 4]


def words_of(headline):
    return [word.strip("«»\"'“”:،,.؟?!()[]-–—") for word in headline.split() if len(word) > 2]


def reader_mix(titles, rng, size):
    """(kind, query) pairs in the proportions a news site's search box sees."""
    mix = []
    for _ in range(size):
        words = words_of(rng.choice(titles))
        roll = rng.random()
        if roll < 0.4:
            start = rng.randint(0, max(0, len(words) - 3))
            mix.append(("headline words", " ".join(words[start : start + rng.randint(3, 5)])))
        elif roll < 0.6:
            picked = rng.sample(words, min(len(words), rng.randint(2, 3)))
            mix.append(("key words reordered", " ".join(picked)))
        elif roll < 0.85:
            mix.append(("one common word", rng.choice(COMMON_WORDS)))
        else:
            word = max(words, key=len)
            at = rng.randrange(len(word))
            mix.append(("typo", word[:at] + rng.choice(ARABIC_LETTERS) + word[at + 1 :]))
    return mix


def hostile_queries(rng):
    """Queries that fill a 4 KB request line (the size issue 10 measured), built to make
    the search work hardest: every word unknown, or quoted, or excluded."""
    unknown = ["".join(rng.choices(ARABIC_LETTERS, k=7)) for _ in range(600)]
    return {
        "4 KB of unknown words": _fill_request_line(" ".join(unknown)),
        "4 KB of random letters": _fill_request_line(
            "".join(rng.choices(ARABIC_LETTERS + " ", k=2000))
        ),
        "quoted phrases": _fill_request_line(" ".join(f'"{w} {w}"' for w in unknown)),
        "a wall of exclusions": _fill_request_line("النفط " + " ".join(f"-{w}" for w in unknown)),
    }


def _fill_request_line(query, limit=4000):
    """The longest start of ``query`` whose search URL stays within ``limit`` bytes."""
    while len(f"/search/?{urllib.parse.urlencode({'q': query})}") > limit:
        query = query[: len(query) * 9 // 10]
    return query


def timed_get(port, query):
    url = f"http://127.0.0.1:{port}/search/?{urllib.parse.urlencode({'q': query})}"
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{response.status} for {query[:40]!r}")
    return (time.perf_counter() - started) * 1000


def _article_rate_beside(port, article, queries):
    """The article's req/s under `wrk -c4` while four clients send ``queries`` non-stop."""
    stop = threading.Event()

    def search_until_stopped():
        pick = random.Random(len(queries))
        while not stop.is_set():
            timed_get(port, pick.choice(queries))

    searchers = [threading.Thread(target=search_until_stopped) for _ in range(4)]
    for thread in searchers:
        thread.start()
    try:
        return wrk(port, article, 5, 4)[0]
    finally:
        stop.set()
        for thread in searchers:
            thread.join()


def _measure_mix(rows, label, port, mix):
    """The mix at 1 client then at 8 into ``rows``, labelled; returns the 1-client median."""
    alone = [(kind, timed_get(port, query)) for kind, query in mix]
    normal = statistics.median(ms for _kind, ms in alone)
    every = [ms for _kind, ms in alone]
    rows.setdefault(f"{label}, 1 client, all", []).append(
        (normal, percentile(every, 95), percentile(every, 99))
    )
    for kind in sorted({kind for kind, _ms in alone}):
        times = [ms for k, ms in alone if k == kind]
        rows.setdefault(f"{label}, 1 client, {kind}", []).append(
            (statistics.median(times), percentile(times, 95), max(times))
        )
    started = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda pair: timed_get(port, pair[1]), mix))
    elapsed = time.perf_counter() - started
    rows.setdefault(f"{label}, 8 clients, all", []).append(
        (statistics.median(together), percentile(together, 95), percentile(together, 99))
    )
    rows.setdefault(f"{label}, 8 clients, req/s", []).append((len(mix) / elapsed, 0, 0))
    return normal


def percentile(values, share):
    return statistics.quantiles(sorted(values), n=100, method="inclusive")[share - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", nargs="?", const=POSTGRES_URL, metavar="URL")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--queries", type=int, default=300, help="queries of the mix per round")
    parser.add_argument(
        "--workers", type=int, default=SERVE_WORKERS, help="default: as `sahafa serve`"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sqlite", type=Path, default=SQLITE, help="the SQLite database file")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    folder = Path(tempfile.mkdtemp(prefix="sahafa-bench-search-http-"))
    environment = server_environment(args, folder)
    article = prepare_database(args, environment)
    titles = headlines({**os.environ, **environment})
    rng = random.Random(2026)
    servers = Servers(folder, {**environment, "SAHAFA_SEARCH_CACHE_SECONDS": "0"})
    kept_servers = Servers(folder, environment)
    rows = {}
    try:
        port, _process = servers.sahafa(600, args.workers)
        kept_port, _process = kept_servers.sahafa(600, args.workers)
        fetch(port, article)
        for query in COMMON_WORDS:  # first touch of the index pages, as on a live site
            timed_get(port, query)
        for _round in range(args.rounds):
            mix = reader_mix(titles, rng, args.queries)
            normal = _measure_mix(rows, "cold", port, mix)
            _measure_mix(rows, "kept", kept_port, mix)
            for name, query in hostile_queries(rng).items():
                times = [timed_get(port, query) for _ in range(5)]
                rows.setdefault(f"cold, hostile: {name}", []).append(
                    (statistics.median(times), statistics.median(times) / normal, max(times))
                )
            rates = [
                _article_rate_beside(port, article, [query for _kind, query in mix]),
                _article_rate_beside(port, article, list(hostile_queries(rng).values())),
            ]
            rows.setdefault("cold, article req/s beside 4 normal / 4 hostile searchers", []).append(
                (*rates, rates[1] / rates[0])
            )
    finally:
        servers.stop()
        kept_servers.stop()
        shutil.rmtree(folder, ignore_errors=True)

    backend = "PostgreSQL + Redis" if args.postgres else "SQLite + file cache"
    print(f"{backend}; {args.workers} web workers; {args.queries} mixed queries a round; "
          f"median of {args.rounds} rounds")  # fmt: skip
    print("cold: answer cache off, every query ranked; kept: answers kept 60 s (the default), "
          "a query repeated within the minute is a cache hit")  # fmt: skip
    print("| measure | a | b | c |")
    print("| --- | --- | --- | --- |")
    for name, runs in rows.items():
        cells = [statistics.median(run[index] for run in runs) for index in range(3)]
        print(f"| {name} | " + " | ".join(f"{cell:.2f}" for cell in cells) + " |")
    print("columns: mix rows p50 / p95 / p99 (or max) ms; hostile rows median ms / ratio to "
          "the normal mix's median / max ms; article row req/s / req/s / ratio")  # fmt: skip


if __name__ == "__main__":
    main()
