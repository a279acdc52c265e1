"""Benchmark: import the whole SaudiNewsNet corpus (31,030 records) into a fresh database.

    .venv/bin/python bench/import_corpus.py                 # SQLite in a temporary folder
    .venv/bin/python bench/import_corpus.py --postgres      # PostgreSQL sahafa_bench_import

Reports the wall time of the first import, end to end (articles, search index and «شاهد
أيضاً» lists ready to serve), articles per second, where the time went (the importer's
batches, then each bulk phase run on `articles_imported`), the wall time of an idempotent
re-run, peak RSS (this process and its analysis workers) and the database size.
The PostgreSQL database is dropped and created again on each run. `--importer-only`
disconnects the `articles_imported` subscribers (search, related) to show the importer's
own share.
"""

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import weakref
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/sahafa_bench_import"


def fresh_postgres(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def database_size(url):
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    path = Path(url.removeprefix("sqlite:///"))
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", nargs="?", const=POSTGRES_URL, metavar="URL")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--importer-only", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus}")

    var_dir = Path(tempfile.mkdtemp(prefix="sahafa-bench-import-"))
    os.environ["SAHAFA_VAR_DIR"] = str(var_dir)
    os.environ["SECRET_KEY"] = "benchmark-only"
    os.environ["CACHE_URL"] = "locmem://"
    os.environ["SAHAFA_TASKS"] = "immediate"
    if args.postgres:
        fresh_postgres(args.postgres)
        os.environ["DATABASE_URL"] = args.postgres
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sahafa.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(REPO))

    import django

    django.setup()
    from django.core.management import call_command

    from sahafa.articles.models import Article
    from sahafa.imports.importer import import_paths

    call_command("migrate", verbosity=0)
    from sahafa.articles.signals import articles_imported

    subscribers = [
        f"{receiver.__module__}.{receiver.__qualname__}"
        for receiver in (
            ref() if isinstance(ref, weakref.ref) else ref
            for _k, ref, _a in articles_imported.receivers
        )
    ]
    if args.importer_only:
        # Signal has no public "disconnect everyone"; subscribers connect with their own uids.
        articles_imported.receivers.clear()
        articles_imported.sender_receivers_cache.clear()
        subscribers = []

    batch_seconds = []
    phase_seconds = {}

    class Phase:
        """A tqdm stand-in that times each bulk phase by its description."""

        def __init__(self, iterable=(), desc="?", **_):
            self.iterable, self.desc, self.started = iterable, desc, time.perf_counter()

        def __iter__(self):
            yield from self.iterable
            self.stop()

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self.stop()

        def stop(self):
            seconds = time.perf_counter() - self.started
            phase_seconds[self.desc] = phase_seconds.get(self.desc, 0) + seconds

        def update(self, count=1):
            pass

    last = started = time.perf_counter()

    def batch_done(_count):
        nonlocal last
        now = time.perf_counter()
        batch_seconds.append(now - last)
        last = now

    first = import_paths(
        [args.corpus], batch_size=args.batch_size, progress=batch_done, phases=Phase
    )
    first_seconds = time.perf_counter() - started

    started = time.perf_counter()
    again = import_paths([args.corpus], batch_size=args.batch_size)
    again_seconds = time.perf_counter() - started

    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size_mb = database_size(os.environ["DATABASE_URL"]) / 1024 / 1024
    from django.db import connection

    print(f"database          {connection.vendor} ({os.environ['DATABASE_URL']})")
    print(f"batch size        {args.batch_size}")
    print(f"subscribers       {', '.join(subscribers) or 'none'}")
    print(
        f"first import      {first.created} created, {len(first.skipped)} skipped "
        f"{dict(first.skipped_reasons)}, {len(first.file_errors)} bad files"
    )
    print(f"  wall time       {first_seconds:.1f} s")
    print(f"  throughput      {first.created / first_seconds:.0f} articles/s end to end")
    print(f"  importer        {sum(batch_seconds):.1f} s in batches")
    for desc, seconds in phase_seconds.items():
        print(f"  {desc:<15} {seconds:.1f} s")
    p50, p95 = (statistics.quantiles(batch_seconds, n=20)[i] for i in (9, 18))
    print(
        f"  per batch       median {p50:.2f} s, p95 {p95:.2f} s, "
        f"max {max(batch_seconds):.2f} s ({len(batch_seconds)} batches)"
    )
    print(
        f"re-run            {again.unchanged} unchanged, {again.created} created, "
        f"{again.updated} updated in {again_seconds:.1f} s"
    )
    print(f"published         {Article.objects.published().count()} articles")
    print(f"peak RSS          {peak_rss_mb:.0f} MB, largest worker {peak_child_rss_mb:.0f} MB")
    print(f"database size     {size_mb:.0f} MB")
    connection.close()
    shutil.rmtree(var_dir)


if __name__ == "__main__":
    main()
