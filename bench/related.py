"""Benchmark: the related-articles engine on the SaudiNewsNet corpus (31,030 articles).

    .venv/bin/python bench/related.py                  # SQLite under /tmp/sahafa-bench-related
    .venv/bin/python bench/related.py --var-dir DIR    # another SQLite database folder
    .venv/bin/python bench/related.py --database-url postgres://postgres@127.0.0.1:5432/NAME

The corpus is imported once with the importer (`import_paths`, as `sahafa import-json`),
timing the share of each batch spent in the related engine; a database that already holds
the corpus is reused. Then it measures:

- the full rebuild (`sahafa related --rebuild`'s work), `--rebuild-runs` times;
- one publication: for `--publishes` random articles, the article is taken off the lists
  (not timed) and published again through the engine (timed), as the `article_published`
  receiver does; p50/p95/max;
- the wire-copy rate: share of the shown lists («شاهد أيضاً» + four) holding a copy of the
  article itself or two copies of one story, judged on exact word-shingle sets (not the
  engine's MinHash estimates): same normalized headline, or at least half of the smaller
  body's 5-shingles found in the other;
- topical agreement: how often the «شاهد أيضاً» pick's URL names the same section as the
  article's URL (where both name one), against the foundation's rule, the newest other
  article of the same newspaper;
- a sample of 20 random articles and their picks, written to docs/related-sample.md.
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
SHOWN = 5
COPY_CONTAINMENT = 0.5


def setup(args):
    os.environ["SECRET_KEY"] = "benchmark-only"
    os.environ["LOG_LEVEL"] = "WARNING"
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        Path(args.var_dir).mkdir(parents=True, exist_ok=True)
        os.environ["SAHAFA_VAR_DIR"] = str(args.var_dir)
        os.environ["SAHAFA_DEMO"] = "1"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sahafa.settings"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def import_corpus(corpus):
    from sahafa.articles.models import Article
    from sahafa.imports.importer import import_paths
    from sahafa.related import engine

    # The importer creates 30,666 articles from the 31,030 records (it skips the rest).
    if Article.objects.count() >= 30_000:
        print(f"corpus already imported: {Article.objects.count()} articles")
        return
    spent = []
    index_articles = engine.index_articles

    def timed(articles, **kwargs):
        started = time.perf_counter()
        index_articles(articles, **kwargs)
        spent.append(time.perf_counter() - started)

    engine.index_articles = timed
    started = time.perf_counter()
    summary = import_paths([corpus])
    total = time.perf_counter() - started
    engine.index_articles = index_articles
    print(
        f"import: {summary.created} articles in {total:.1f} s; related engine "
        f"{sum(spent):.1f} s over {len(spent)} batches "
        f"(median {statistics.median(spent):.2f} s, last {spent[-1]:.2f} s per batch)"
    )


def rebuild(runs):
    from sahafa.related import engine
    from sahafa.related.models import RelatedArticle

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        engine.rebuild()
        timings.append(time.perf_counter() - started)
    lists = RelatedArticle.objects.values("article").distinct().count()
    print(
        f"rebuild: {lists} lists; runs {', '.join(f'{t:.1f}' for t in timings)} s; "
        f"median {statistics.median(timings):.1f} s"
    )


def publishes(count, rng):
    from sahafa.articles.models import Article
    from sahafa.related import engine

    ids = list(Article.objects.published().values_list("pk", flat=True))
    publish_times, removal_times = [], []
    for article in Article.objects.filter(pk__in=rng.sample(ids, count)):
        started = time.perf_counter()
        engine.remove_article(article)
        removal_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine.refresh_article(article)
        publish_times.append(time.perf_counter() - started)
    for name, values in (("publish", publish_times), ("unpublish", removal_times)):
        print(
            f"{name} update ({count} articles): p50 {1000 * statistics.median(values):.1f} ms, "
            f"p95 {1000 * percentile(values, 0.95):.1f} ms, max {1000 * max(values):.1f} ms"
        )


class Corpus:
    """The imported articles as the quality measures need them."""

    def __init__(self):
        from sahafa.arabic import normalize, shingles
        from sahafa.articles.models import Article
        from sahafa.related.models import RelatedArticle

        self.articles = {}
        for article in Article.objects.published().prefetch_related("tags"):
            self.articles[article.pk] = {
                "headline": article.headline,
                "headline_key": normalize(article.headline),
                "shingles": {hash(shingle) for shingle in shingles(article.body_text)},
                "source": next((tag.name for tag in article.tags.all()), ""),
                "url": article.source_url or "",
                "published_at": article.published_at,
                "excerpt": article.summary(120),
            }
        self.lists = defaultdict(list)
        for article_id, related_id in RelatedArticle.objects.filter(
            related__in=Article.objects.published()
        ).values_list("article_id", "related_id"):
            if len(self.lists[article_id]) < SHOWN:
                self.lists[article_id].append(related_id)

    def are_copies(self, first, second):
        first, second = self.articles[first], self.articles[second]
        if first["headline_key"] == second["headline_key"]:
            return True
        smaller = min(len(first["shingles"]), len(second["shingles"]))
        shared = len(first["shingles"] & second["shingles"])
        return smaller > 0 and shared / smaller >= COPY_CONTAINMENT


def wire_copies(corpus):
    from datasketch import MinHash, MinHashLSH

    from sahafa.related.fingerprints import (
        MINHASH_PERMUTATIONS,
        MINHASH_SCHEME,
        signature_array,
    )
    from sahafa.related.models import Fingerprint

    lsh = MinHashLSH(threshold=0.5, num_perm=MINHASH_PERMUTATIONS)
    signatures = {}
    for article_id, signature in Fingerprint.objects.values_list("article_id", "minhash"):
        signatures[article_id] = MinHash(
            num_perm=MINHASH_PERMUTATIONS,
            hashvalues=signature_array(signature).astype("u8"),
            scheme=MINHASH_SCHEME,
        )
        lsh.insert(article_id, signatures[article_id])
    headline_groups = defaultdict(list)
    for article_id, article in corpus.articles.items():
        headline_groups[article["headline_key"]].append(article_id)
    with_copy = set()
    for article_id, minhash in signatures.items():
        if any(
            other != article_id and corpus.are_copies(article_id, other)
            for other in lsh.query(minhash)
        ):
            with_copy.add(article_id)
    for group in headline_groups.values():
        if len(group) > 1:
            with_copy.update(group)
    total = len(corpus.articles)
    print(
        f"corpus: {len(with_copy)} of {total} articles ({100 * len(with_copy) / total:.1f}%) "
        "have a copy (same normalized headline, or MinHash-LSH candidate confirmed on "
        "exact shingles)"
    )

    own_copy = two_copies = 0
    for article_id, shown in corpus.lists.items():
        if any(corpus.are_copies(article_id, other) for other in shown):
            own_copy += 1
        if any(
            corpus.are_copies(first, second)
            for index, first in enumerate(shown)
            for second in shown[index + 1 :]
        ):
            two_copies += 1
    lists = len(corpus.lists)
    bad = own_copy + two_copies
    print(
        f"wire-copy rate: {bad} of {lists} shown lists ({100 * bad / max(lists, 1):.2f}%): "
        f"{own_copy} with a copy of the article, {two_copies} with two copies of one story"
    )
    print(
        f"lists: {lists} of {total} articles have one; "
        f"{sum(len(shown) == SHOWN for shown in corpus.lists.values())} show all {SHOWN}"
    )


def url_section(url):
    """The section a URL's path names (the importer's reading of it), else None."""
    from sahafa.imports.importer import FALLBACK_SECTION, section_for

    section = section_for("", url)
    return None if section == FALLBACK_SECTION else section


def topical_agreement(corpus):
    sections = {pk: url_section(article["url"]) for pk, article in corpus.articles.items()}
    newest_by_source = defaultdict(list)
    for pk, article in corpus.articles.items():
        newest_by_source[article["source"]].append((article["published_at"], pk))
    for articles in newest_by_source.values():
        articles.sort(reverse=True)

    def newest_other(pk):
        for _, other in newest_by_source[corpus.articles[pk]["source"]][:2]:
            if other != pk:
                return other
        return None

    rules = {
        "related engine («شاهد أيضاً» pick)": lambda pk: (corpus.lists.get(pk) or [None])[0],
        "newest in same source (foundation)": newest_other,
    }
    for name, pick in rules.items():
        agree = compared = 0
        for pk, section in sections.items():
            other = pick(pk)
            if section and other and sections.get(other):
                compared += 1
                agree += sections[other] == section
        print(
            f"topical agreement, {name}: {agree} of {compared} "
            f"({100 * agree / max(compared, 1):.1f}%)"
        )


def write_sample(corpus, rng, path):
    from sahafa.arabic import excerpt

    with_lists = sorted(pk for pk in corpus.lists if corpus.lists[pk])
    lines = [
        "# «شاهد أيضاً» on the SaudiNewsNet corpus: a hand-checkable sample",
        "",
        "Twenty random articles (seed 20) of the imported corpus and the article the engine",
        "picked for their «شاهد أيضاً» box, then the next pick of «اقرأ أيضاً». Written by",
        "`.venv/bin/python bench/related.py` (see docs/benchmarks.md).",
        "",
    ]
    for number, pk in enumerate(rng.sample(with_lists, 20), start=1):
        article = corpus.articles[pk]
        picks = [corpus.articles[other] for other in corpus.lists[pk][:2]]
        lines += [
            f"## {number}. {article['headline']}",
            "",
            f"- {article['source']}, {article['published_at']:%Y-%m-%d}: "
            f"{excerpt(article['excerpt'], 120)}",
        ]
        for label, pick in zip(("«شاهد أيضاً»", "next"), picks, strict=False):
            lines.append(
                f"- {label}: **{pick['headline']}** ({pick['source']}, "
                f"{pick['published_at']:%Y-%m-%d}) — {excerpt(pick['excerpt'], 120)}"
            )
        lines.append("")
    Path(path).write_text("\n".join(lines))
    print(f"sample written to {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", default="/tmp/sahafa-bench-related")
    parser.add_argument("--database-url")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rebuild-runs", type=int, default=3)
    parser.add_argument("--publishes", type=int, default=200)
    parser.add_argument("--sample", default=str(REPO / "docs" / "related-sample.md"))
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus}")
    setup(args)
    rng = random.Random(20)
    import_corpus(args.corpus)
    rebuild(args.rebuild_runs)
    publishes(args.publishes, rng)
    corpus = Corpus()
    wire_copies(corpus)
    topical_agreement(corpus)
    write_sample(corpus, random.Random(20), args.sample)


if __name__ == "__main__":
    main()
