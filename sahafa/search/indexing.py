"""Keeping the index in step with the articles: a few at a time (the task that follows each
committed change), or many at once (the end of an import, `sahafa reindex`).

Every function reads the articles as they are now and makes the index agree, so running
one twice, or late, is harmless.
"""

from collections import Counter
from contextlib import nullcontext

from django.db import connection, transaction
from django.utils.translation import gettext as _

from sahafa.arabic import sharing
from sahafa.articles.models import Article
from sahafa.background.pools import cores, in_order, worker_pool

from . import answers
from .backends import current_backend
from .documents import analyzed_fields, source_fields
from .models import SearchEntry, SearchTerm

# Scheduled articles are indexed too: they become public at published_at with no job to
# tell the index, so the query joins against Article.objects.published() instead.
INDEXED_STATUSES = Article.PUBLIC_STATUSES
BATCH_SIZE = 500
VOCABULARY_CHUNK = 500


def index_articles(articles):
    """Bring the index in line with the saved state of ``articles`` (objects or ids):
    published and scheduled ones are (re)indexed, any other is removed."""
    _index_in_bulk([getattr(article, "pk", article) for article in articles], None, False)


def _indexable(ids):
    return (
        Article.objects.filter(pk__in=ids, status__in=INDEXED_STATUSES, published_at__isnull=False)
        .select_related("section")
        .prefetch_related("tags", "byline_set__author")
    )


def _analyzed_batch(sources):
    return [analyzed_fields(source) for source in sources]


def remove_from_index(ids):
    ids = list(ids)
    with transaction.atomic():
        answers.index_written()
        change = Counter()
        for entry in SearchEntry.objects.filter(pk__in=ids):
            change.subtract(entry.terms())
        SearchEntry.objects.filter(pk__in=ids).delete()
        _adjust_vocabulary(change)


def _adjust_vocabulary(change):
    rows = [(term, delta) for term, delta in change.items() if delta and _fits(term)]
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), VOCABULARY_CHUNK):
            chunk = rows[start : start + VOCABULARY_CHUNK]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            # The same upsert on SQLite and PostgreSQL: add the change to the count.
            cursor.execute(
                f"INSERT INTO {table} (term, documents) VALUES {values} "
                f"ON CONFLICT (term) DO UPDATE SET documents = {table}.documents + "
                "excluded.documents",
                [value for row in chunk for value in row],
            )
    gone = [term for term, delta in rows if delta < 0]
    for start in range(0, len(gone), VOCABULARY_CHUNK):
        SearchTerm.objects.filter(
            term__in=gone[start : start + VOCABULARY_CHUNK], documents__lte=0
        ).delete()


def _fits(term):
    # Terms longer than the column are stray strings (URLs, pasted junk), never a correction.
    return len(term) <= SearchTerm._meta.get_field("term").max_length


def _all_indexable_ids():
    return (
        Article.objects.filter(status__in=INDEXED_STATUSES, published_at__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def index_imported(ids, progress):
    """After a bulk import: index `ids`, and every public article that has no entry yet (an
    interrupted import's last batches), in bulk. `progress` is a tqdm-like factory.
    Returns how many were indexed."""
    missing = _all_indexable_ids().filter(search_entry__isnull=True)
    ids = sorted({*ids, *missing})
    if not ids:
        return 0
    # Rebuilding the full-text index once beats maintaining it row by row when the run
    # adds at least as many entries as there were.
    fresh = len(ids) >= SearchEntry.objects.count()
    with progress(total=len(ids), desc=_("search index"), unit=_("article")) as bar:
        return _index_in_bulk(ids, bar.update, bulk_load=fresh)


def rebuild(progress=None, batch_size=BATCH_SIZE):
    """Index every published and scheduled article afresh; ``progress(n)`` after each batch."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        return _index_in_bulk(list(_all_indexable_ids()), progress, True, batch_size)


def _index_in_bulk(ids, progress, bulk_load, batch_size=BATCH_SIZE):
    """Analyze ``ids`` on every core and write their entries batch by batch; with
    ``bulk_load``, without the backend's per-row index maintenance (it then builds the
    whole full-text index at once). The vocabulary change is counted in memory and written
    once."""
    change = Counter()
    batches = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
    loading = current_backend().bulk_load() if bulk_load else nullcontext()
    # Analysis is most of the work: in workers, one per core, while this process reads and
    # writes the database, a few batches ahead.
    workers = min(cores(), len(batches)) if len(batches) > 1 else 0
    with transaction.atomic(), loading, worker_pool(workers) as pool:
        answers.index_written()
        sources = ([source_fields(article) for article in _indexable(batch)] for batch in batches)
        analyzed = in_order(pool, _analyzed_batch, sources, ahead=workers)
        for batch, (batch_sources, fields) in zip(batches, analyzed, strict=True):
            _kept(batch_sources, fields)
            for entry in SearchEntry.objects.filter(pk__in=batch):
                change.subtract(entry.terms())
            entries = [SearchEntry(**values) for values in fields]
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["article"],
                update_fields=["headline", "summary", "meta", "body"],
            )
            indexed = {entry.article_id for entry in entries}
            SearchEntry.objects.filter(pk__in=set(batch) - indexed).delete()
            for entry in entries:
                change.update(entry.terms())
            if progress:
                progress(len(batch))
        _adjust_vocabulary(change)
    return len(ids)


def _kept(sources, fields):
    """Keep the bodies' terms in `fields` (analyzed from `sources`) for a later bulk phase
    of the same run (`sahafa.arabic.sharing`: the related fingerprints take them)."""
    for source, values in zip(sources, fields, strict=True):
        sharing.keep(source[4], values["body"])
