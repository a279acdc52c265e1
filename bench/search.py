"""Benchmark: Arabic search over the SaudiNewsNet corpus (31,030 articles).

    .venv/bin/python bench/search.py                      # SQLite, with both baselines
    .venv/bin/python bench/search.py --postgres           # PostgreSQL sahafa_bench_search
    .venv/bin/python bench/search.py --reuse              # keep the imported database
    .venv/bin/python bench/search.py --reuse --relevance-only --misses reordered

Imports the corpus with `sahafa import-json` (indexing happens on `articles_imported`),
then times a full `sahafa reindex` and reports the index size; builds a query set of
"half-remembered headlines" (3-5 consecutive words of a title, in six variants) and reports
MRR@10 and Recall@10 per variant for Sahafa and, on SQLite, for two baselines: substring
LIKE matching in the manner of WordPress, and FTS5 with its default unicode61 tokenizer;
and reports query latency percentiles in-process (`engine.search`) and over HTTP (the
results page and the JSON API, served by a WSGI server on a local socket).

A query counts as finding its article when an article with the same headline is in the
top ten: the corpus repeats some headlines word for word, and no query can tell them apart.
"""

import argparse
import os
import random
import re
import resource
import sqlite3
import statistics
import sys
import threading
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

# A sibling script: `python bench/search.py` puts bench/ first on sys.path.
from import_corpus import fresh_postgres

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/sahafa_bench_search"
SQLITE_DIR = Path("/tmp/sahafa-bench-search")  # --dir chooses another

VARIANTS = ("as written", "hamza dropped", "ة→ه ى↔ي", "tashkeel+tatweel", "clitics", "reordered")
TASHKEEL = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
TATWEEL = "\u0640"
HAMZA_DROPPED = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي"})
# Prepositions and particles that are not in the stopword list but never take a clitic.
PARTICLES = frozenset({"علي", "عبر", "لدي", "سوي"})
ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


def setup_django(args):
    if args.postgres:
        if not args.reuse:
            fresh_postgres(args.postgres)
        os.environ["DATABASE_URL"] = args.postgres
    else:
        args.dir.mkdir(parents=True, exist_ok=True)
        path = args.dir / "bench.sqlite3"
        if not args.reuse:
            for old in args.dir.glob("bench.sqlite3*"):
                old.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["SAHAFA_VAR_DIR"] = str(args.dir)
    os.environ["SECRET_KEY"] = "benchmark-only"
    os.environ["CACHE_URL"] = "locmem://"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sahafa.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


# Query variants -------------------------------------------------------------------------


def title_words(title):
    return [word.strip("«»\"'“”:،,.؟?!()[]-–—") for word in title.split()]


def pick_words(title, rng):
    words = [word for word in title_words(title) if word]
    size = min(len(words), rng.randint(3, 5))
    start = rng.randint(0, len(words) - size)
    return words[start : start + size]


def variant(words, kind, rng):
    if kind == "as written":
        return words
    if kind == "hamza dropped":
        return [word.translate(HAMZA_DROPPED) for word in words]
    if kind == "ة→ه ى↔ي":
        return [_swap_endings(word) for word in words]
    if kind == "tashkeel+tatweel":
        return _decorate(words, rng)
    if kind == "clitics":
        return [_toggle_clitic(word, rng) for word in words]
    if kind == "reordered":
        shuffled = words[:]
        while len(shuffled) > 1 and shuffled == words:
            rng.shuffle(shuffled)
        return shuffled
    raise ValueError(kind)


def _swap_endings(word):
    word = word.replace("ة", "ه")
    if word.endswith("ى"):
        return word[:-1] + "ي"
    if word.endswith("ي"):
        return word[:-1] + "ى"
    return word


def _decorate(words, rng):
    decorated = []
    for word in words:
        letters = []
        for char in word:
            letters.append(char)
            if ARABIC_WORD.match(char) and rng.random() < 0.35:
                letters.append(rng.choice(TASHKEEL))
        decorated.append("".join(letters))
    arabic = [index for index, word in enumerate(words) if ARABIC_WORD.match(word)]
    if arabic:
        index = rng.choice(arabic)
        word = decorated[index]
        middle = max(1, len(word) // 2)
        decorated[index] = word[:middle] + TATWEEL * 3 + word[middle:]
    return decorated


def _toggle_clitic(word, rng):
    """Remove the article or a proclitic, or add one (ال، و، ب، ل), as readers do: only to
    words that can carry one — not to stopwords and prepositions, not to a word that already
    starts with a proclitic letter, and ال not to a verb's ي."""
    from sahafa.arabic import STOPWORDS, normalize

    if not ARABIC_WORD.match(word) or len(word) < 3:
        return word
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    if normalize(word) in STOPWORDS | PARTICLES or word[0] in "وبلكف":
        return word
    return rng.choice(("و", "ب", "ل") if word[0] == "ي" else ("ال", "و", "ب", "ل")) + word


# Systems --------------------------------------------------------------------------------


class Sahafa:
    name = "Sahafa"

    def __init__(self):
        from sahafa.search.engine import search

        self.search = search
        self.latencies_ms = []

    def top10(self, query):
        started = time.perf_counter()
        results = self.search(query, per_page=10)
        self.latencies_ms.append((time.perf_counter() - started) * 1000)
        return [article.pk for article in results.articles]


class SubstringLike:
    """WordPress's search: every word must occur as a substring (SQL LIKE '%word%') of the
    title or the content; titles containing the whole query first, then the newest."""

    name = "LIKE (WordPress)"

    def __init__(self, documents):
        self.documents = documents  # (id, headline, body text, published_at), newest first

    def top10(self, query):
        words = [word for word in query.split() if word]
        if not words:
            return []
        phrase = " ".join(words)
        matches = [
            (phrase in headline, all(word in headline for word in words), pk)
            for pk, headline, body, _published in self.documents
            if all(word in headline or word in body for word in words)
        ]
        # Python's sort is stable, so the newest-first order breaks ties.
        matches.sort(key=lambda match: (not match[0], not match[1]))
        return [pk for *_flags, pk in matches[:10]]


class DefaultFts5:
    """FTS5 with its default tokenizer (unicode61): no Arabic normalization or stemming."""

    name = "FTS5 unicode61"

    def __init__(self, documents):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(headline, body)")
        self.db.executemany(
            "INSERT INTO docs(rowid, headline, body) VALUES (?, ?, ?)",
            ((pk, headline, body) for pk, headline, body, _published in documents),
        )
        self.db.commit()

    def top10(self, query):
        words = ['"' + word.replace('"', '""') + '"' for word in query.split() if word]
        if not words:
            return []
        rows = self.db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 10.0, 1.0) LIMIT 10",
            [" ".join(words)],
        )
        return [row[0] for row in rows]


# Measurements ---------------------------------------------------------------------------


def cpu_seconds():
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def percentiles(values):
    ordered = sorted(values)
    quantiles = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50": quantiles[49], "p95": quantiles[94], "p99": quantiles[98], "n": len(values)}


def relevance(system, queries, same_headline, misses=None):
    """(MRR@10, Recall@10); each query whose article is not first is appended to ``misses``
    as (query, target id, rank or None, the ids ranked above it)."""
    reciprocal_ranks, hits = [], 0
    for query, target in queries:
        relevant = same_headline[target]
        found = system.top10(query)
        rank = next((i for i, pk in enumerate(found, 1) if pk in relevant), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        hits += rank is not None
        if misses is not None and rank != 1:
            misses.append((query, target, rank, found[: (rank or 11) - 1]))
    return statistics.fmean(reciprocal_ranks), hits / len(queries)


def print_misses(kind, misses):
    """Each miss with its target's headline and the headlines ranked above it."""
    from sahafa.articles.models import Article

    print(f"\n{kind}: {len(misses)} queries not at rank 1")
    for query, target, rank, above in misses:
        headlines = dict(
            Article.objects.filter(pk__in=[target, *above]).values_list("pk", "headline")
        )
        print(f"  «{query}» rank {rank or '>10'}: {headlines[target]}")
        for pk in above[:3]:
            print(f"      above: {headlines[pk]}")


def serve_http():
    """The site on a local socket in a background thread, as a client would reach it."""
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), server_class=WSGIServer, handler_class=QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def http_latencies(port, path, queries):
    latencies = []
    for query, _target in queries:
        url = f"http://127.0.0.1:{port}{path}?{urlencode({'q': query})}"
        started = time.perf_counter()
        with urlopen(url) as response:
            response.read()
            assert response.status == 200
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", nargs="?", const=POSTGRES_URL, metavar="URL")
    parser.add_argument("--reuse", action="store_true", help="keep the imported database")
    parser.add_argument("--queries", type=int, default=500, help="queries per variant")
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument(
        "--relevance-only", action="store_true",
        help="with --reuse: no reindex, no latency rounds, only the relevance table",
    )  # fmt: skip
    parser.add_argument(
        "--misses", choices=VARIANTS, action="append", default=[],
        help="print Sahafa's queries of this variant whose article is not first",
    )  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--dir", type=Path, default=SQLITE_DIR, help="SQLite database and var dir")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus}")
    setup_django(args)

    from django.core.management import call_command
    from django.db import connection

    from sahafa.arabic import plain_text
    from sahafa.articles.models import Article
    from sahafa.search.backends import current_backend

    call_command("migrate", verbosity=0)
    print(f"database          {connection.vendor} ({os.environ['DATABASE_URL']})")
    if not Article.objects.exists():
        started = time.perf_counter()
        call_command("import_json", str(args.corpus), no_progress=True, verbosity=0)
        print(f"import-json       {time.perf_counter() - started:.1f} s (indexing included)")
    published = Article.objects.published()
    print(f"published         {published.count()} articles")

    if not args.relevance_only:
        started, cpu = time.perf_counter(), cpu_seconds()
        call_command("reindex", verbosity=0)
        print(
            f"full reindex      {time.perf_counter() - started:.1f} s wall, "
            f"{cpu_seconds() - cpu:.1f} s CPU (this process and its analysis workers)"
        )
    print(f"index size        {current_backend().index_size() / 1e6:.1f} MB")

    documents = [
        (pk, headline, plain_text(body), published_at)
        for pk, headline, body, published_at in published.order_by(
            "-published_at", "-pk"
        ).values_list("pk", "headline", "body", "published_at")
    ]
    same_headline = {}
    by_headline = {}
    for pk, headline, _body, _published in documents:
        by_headline.setdefault(unicodedata.normalize("NFC", headline.strip()), set()).add(pk)
    for ids in by_headline.values():
        for pk in ids:
            same_headline[pk] = ids

    rng = random.Random(args.seed)
    targets = rng.sample([doc for doc in documents if len(title_words(doc[1])) >= 3], args.queries)
    query_sets = {kind: [] for kind in VARIANTS}
    for pk, headline, _body, _published in targets:
        words = pick_words(headline, rng)
        for kind in VARIANTS:
            query_sets[kind].append((" ".join(variant(words, kind, rng)), pk))

    systems = [Sahafa()]
    if not args.no_baselines:
        started = time.perf_counter()
        systems += [SubstringLike(documents), DefaultFts5(documents)]
        print(f"baselines built   {time.perf_counter() - started:.1f} s")

    print()
    print("relevance         " + "".join(f"{s.name:>26}" for s in systems))
    print(f"{'variant':18}" + "".join(f"{'MRR@10':>14}{'Recall@10':>12}" for _ in systems))
    for kind in VARIANTS:
        row = f"{kind:18}"
        misses = []
        for system in systems:
            listed = misses if system is systems[0] and kind in args.misses else None
            mrr, recall = relevance(system, query_sets[kind], same_headline, listed)
            row += f"{mrr:>14.3f}{recall:>12.3f}"
        print(row, flush=True)
        if misses:
            print_misses(kind, misses)

    if args.relevance_only:
        return
    print()
    all_queries = [pair for kind in VARIANTS for pair in query_sets[kind]]
    stats = percentiles(systems[0].latencies_ms)
    print(
        f"in-process        p50 {stats['p50']:.1f} ms  p95 {stats['p95']:.1f} ms  "
        f"p99 {stats['p99']:.1f} ms  over {stats['n']} queries (engine.search, 10 results)"
    )
    call_command("collectstatic", interactive=False, verbosity=0)
    server = serve_http()
    port = server.server_address[1]
    http_queries = all_queries[:: max(1, len(all_queries) // args.queries)][: args.queries]
    for label, path in (("HTTP page", "/search/"), ("HTTP API", "/api/search")):
        stats = percentiles(http_latencies(port, path, http_queries))
        print(
            f"{label:18}p50 {stats['p50']:.1f} ms  p95 {stats['p95']:.1f} ms  "
            f"p99 {stats['p99']:.1f} ms  over {stats['n']} requests ({path})"
        )
    server.shutdown()


if __name__ == "__main__":
    main()
