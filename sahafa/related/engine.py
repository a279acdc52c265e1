"""Keeping the stored lists fresh: one article at a time (publishing, unpublishing) through the
inverted index, or many at once (import batches, `sahafa related --rebuild`) against the
whole collection, held in scratch files."""

import json
import pickle
import tempfile
from array import array
from collections import Counter, defaultdict
from contextlib import contextmanager
from itertools import islice

import numpy as np
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)

from sahafa.articles.changes import NoProgress
from sahafa.articles.models import Article
from sahafa.background.pools import cores, in_order, worker_pool

from . import signals
from .fingerprints import (
    POSTING_TERMS,
    idf,
    posting_terms,
    profile,
    profile_text,
    text_of,
    tfidf_vector,
)
from .models import Fingerprint, Posting, RelatedArticle, RelatedPin, TermStatistic
from .scoring import CANDIDATES, LIST_LENGTH, Collection, Entry
from .selection import SHOWN

PUBLIC = Article.PUBLIC_STATUSES
# A new article is offered to the lists of this many of its most similar articles.
NEIGHBORS = 20
# From this many articles, fingerprinting runs in one process per core.
PARALLEL_FROM = 2000
# Texts handed to a fingerprinting worker at a time.
PROFILE_CHUNK = 256
# Stays under SQLite's limit on query parameters.
CHUNK = 900
TEXT_FIELDS = ["headline", "kicker", "standfirst", "body", "section", "published_at", "status"]


def chunks(items, size=CHUNK):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# Storing fingerprints


def store_fingerprints(batches):
    """Weigh the profiles in `batches` (lists of profiles; read twice, so a list or a
    `SpilledProfiles`) against the collection's statistics (counting the new ones in) and
    store their fingerprints and postings. Returns the stored fingerprints batch by batch
    (consume them all inside the transaction), and whether any replaced one stored before."""
    known, counted, terms, total = set(), Counter(), set(), 0
    for batch in batches:
        total += len(batch)
        ids = [item.article_id for item in batch]
        batch_known = set(
            Fingerprint.objects.filter(article_id__in=ids).values_list("pk", flat=True)
        )
        known |= batch_known
        for item in batch:
            terms.update(item.term_counts)
            if item.article_id not in batch_known:
                counted.update(item.term_counts.keys())
    new_count = total - len(known)
    # With no statistics yet (a first import), the counts are the ones just made.
    first = not TermStatistic.objects.exists()
    count_documents(counted)
    document_counts = dict(counted) if first else {}
    del counted
    for chunk in [] if first else chunks(terms):
        document_counts.update(TermStatistic.objects.filter(term__in=chunk).values_list())
    del terms
    collection_size = Fingerprint.objects.count() + new_count
    idfs = {term: idf(count, collection_size) for term, count in document_counts.items()}
    del document_counts
    for chunk in chunks(known):
        Posting.objects.filter(article_id__in=chunk).delete()
        Fingerprint.objects.filter(article_id__in=chunk).delete()
    # Building the index once over the filled table beats keeping it up row by row when the
    # run at least doubles the table (a first import: 30,000 articles, 736,000 postings).
    loading = POSTING_TERMS * new_count >= Posting.objects.count()
    return _stored(batches, idfs, idf(0, collection_size), loading), bool(known)


def _stored(batches, idfs, unseen_idf, loading):
    with indexes_built_after(Posting, loading):
        for batch in batches:
            fingerprints, postings = [], []
            for item in batch:
                vector = tfidf_vector(item.term_counts, idfs, unseen_idf)
                fingerprints.append(
                    Fingerprint(
                        article_id=item.article_id,
                        vector=vector,
                        minhash=item.signature,
                        shingle_hashes=item.shingle_hashes,
                        headline_key=item.headline_key,
                    )
                )
                postings.extend(
                    (term, item.article_id, weight) for term, weight in posting_terms(vector)
                )
            insert_rows(
                Fingerprint,
                ["article", "vector", "minhash", "shingle_hashes", "headline_key"],
                [
                    (
                        f.article_id,
                        json.dumps(f.vector),
                        f.minhash,
                        f.shingle_hashes,
                        f.headline_key,
                    )
                    for f in fingerprints
                ],
            )
            # In term order (within the batch), the inserts walk the term index instead of
            # jumping about it.
            insert_rows(Posting, ["term", "article", "weight"], sorted(postings))
            yield fingerprints


class SpilledProfiles:
    """A run's profiles on disk, in batches (an anonymous temporary file: nothing is left
    behind even by kill -9), read back batch by batch as often as needed: weighing them
    needs the whole run's term counts first, and a Counter of terms per article of the
    run is what made the bulk phase's memory grow with it."""

    def __init__(self, profiles, size=PROFILE_CHUNK):
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self.ids = array("q")
        for batch in chunks(profiles, size):
            self.ids.extend(item.article_id for item in batch)
            pickle.dump(batch, self.file, pickle.HIGHEST_PROTOCOL)

    def __iter__(self):
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                return

    def close(self):
        self.file.close()


@contextmanager
def indexes_built_after(model, loading):
    """While `loading`, without `model`'s secondary indexes; they are created again, the
    same, at the end. Run inside a transaction: a failure leaves them as they were."""
    if not loading:
        yield
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT index.relname, pg_get_indexdef(index.oid) FROM pg_index "
                "JOIN pg_class AS index ON index.oid = pg_index.indexrelid "
                "WHERE pg_index.indrelid = %s::regclass "
                "AND NOT pg_index.indisprimary AND NOT pg_index.indisunique",
                [table],
            )
        else:
            # Indexes SQLite makes itself (primary keys, UNIQUE) have no SQL and stay.
            cursor.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [table],
            )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        yield
        if connection.vendor == "postgresql":
            # An index cannot be built over rows with foreign-key checks still deferred.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for _name, sql in indexes:
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def insert_rows(model, fields, rows, conflict=""):
    """Plain parameterized INSERTs: the bulk paths write hundreds of thousands of rows, and
    building model instances and per-batch SQL is most of bulk_create's time there."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    statement = (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) {conflict}"
    )
    with connection.cursor() as cursor:
        for chunk in chunks(rows, 5000):
            cursor.executemany(statement, chunk)


def count_documents(counted):
    """Add `counted` ({term: new articles containing it}) to the statistics."""
    table = connection.ops.quote_name(TermStatistic._meta.db_table)
    insert_rows(
        TermStatistic,
        ["term", "document_count"],
        sorted(counted.items()),
        conflict=(
            'ON CONFLICT ("term") DO UPDATE SET '
            f'"document_count" = {table}."document_count" + excluded."document_count"'
        ),
    )


ENTRY_COLUMNS = [
    "article_id",
    "minhash",
    "shingle_hashes",
    "headline_key",
    "article__section_id",
    "article__published_at",
]


def load_entries(article_ids, vectors=True):
    """Entries for the fingerprinted `article_ids`; without their term vectors (empty) when
    only copies are to be told apart."""
    columns = [*ENTRY_COLUMNS, *(["vector"] if vectors else [])]
    return [
        entry
        for chunk in chunks(set(article_ids))
        for entry in _entries(Fingerprint.objects.filter(pk__in=chunk).values_list(*columns))
    ]


def all_entries(size=2000):
    """Every fingerprint's entry, in batches in id order, so the collection is built
    without holding them all."""
    last = 0
    while True:
        rows = list(
            Fingerprint.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list(*ENTRY_COLUMNS, "vector")[:size]
        )
        if not rows:
            return
        last = rows[-1][0]
        yield _entries(rows)


def _entries(rows):
    rows = list(rows)
    tags = tag_ids(row[0] for row in rows)
    return [
        Entry(
            article_id=article_id,
            vector=vector[0] if vector else {},
            signature=bytes(minhash),
            shingle_hashes=bytes(hashes),
            headline_key=headline_key,
            section_id=section_id,
            timestamp=published_at.timestamp() if published_at else 0.0,
            tag_ids=frozenset(tags[article_id]),
        )
        for article_id, minhash, hashes, headline_key, section_id, published_at, *vector in rows
    ]


def tag_ids(article_ids):
    tags = defaultdict(set)
    through = Article.tags.through.objects.values_list("article_id", "tag_id")
    for chunk in chunks(set(article_ids)):
        for article_id, tag_id in through.filter(article_id__in=chunk):
            tags[article_id].add(tag_id)
    return tags


def new_entries(fingerprints):
    """Entries for fingerprints just stored, the articles' section, date and tags read."""
    ids = [fingerprint.article_id for fingerprint in fingerprints]
    placed = {}
    for chunk in chunks(ids):
        placed.update(
            (pk, (section_id, published_at))
            for pk, section_id, published_at in Article.objects.filter(pk__in=chunk).values_list(
                "pk", "section_id", "published_at"
            )
        )
    tags = tag_ids(ids)
    return [
        Entry(
            article_id=fingerprint.article_id,
            vector=fingerprint.vector,
            signature=fingerprint.minhash,
            shingle_hashes=fingerprint.shingle_hashes,
            headline_key=fingerprint.headline_key,
            section_id=placed[fingerprint.article_id][0],
            timestamp=placed[fingerprint.article_id][1].timestamp(),
            tag_ids=frozenset(tags[fingerprint.article_id]),
        )
        for fingerprint in fingerprints
    ]


# Lists


def pins_for(article_ids=None):
    pins = RelatedPin.objects.values_list("article_id", "pinned_id")
    if article_ids is None:
        return dict(pins)
    return {
        key: value
        for chunk in chunks(set(article_ids))
        for key, value in pins.filter(article_id__in=chunk)
    }


def current_lists(article_ids):
    lists = defaultdict(list)
    for chunk in chunks(set(article_ids)):
        for article_id, related_id, score in RelatedArticle.objects.filter(
            article_id__in=chunk
        ).values_list("article_id", "related_id", "score"):
            lists[article_id].append((related_id, score))
    return lists


def write_lists(lists, announce=True):
    """Replace the stored lists of the articles in `lists` ({id: [(related id, score)]}),
    and announce them once the transaction commits (unless the caller will)."""
    ids = frozenset(lists)
    with transaction.atomic():
        if announce:
            announce_lists(ids)
        # Two workers refreshing overlapping lists (an edit's and its neighbours') deleted
        # each other's rows in different orders: a deadlock on PostgreSQL. Locking the
        # articles first, always in id order, makes one wait for the other. (SQLite writes
        # one transaction at a time and ignores the lock.)
        for chunk in chunks(sorted(ids)):
            locking = Article.objects.select_for_update(no_key=True).filter(pk__in=chunk)
            list(locking.order_by("pk").values_list("pk", flat=True))
        for chunk in chunks(lists):
            RelatedArticle.objects.filter(article_id__in=chunk).delete()
        insert_rows(
            RelatedArticle,
            ["article", "related", "score", "rank"],
            [
                (article_id, related_id, score, rank)
                for article_id, entries in lists.items()
                for rank, (related_id, score) in enumerate(entries, start=1)
            ],
        )


def announce_lists(ids):
    if ids:
        transaction.on_commit(
            lambda: signals.lists_changed.send(sender=RelatedArticle, ids=ids), robust=True
        )


def taken_positions(collection, pins, article_id):
    pinned = pins.get(article_id)
    return [collection.position[pinned]] if pinned in collection.position else []


def as_ids(collection, chosen):
    return [(int(collection.ids[position]), score) for position, score in chosen]


# One article at a time


def candidate_ids(article_id, vector):
    """The articles sharing the most weight in distinctive terms, in one query."""
    query = dict(posting_terms(vector))
    if not query:
        return []
    shared_weight = Case(
        *[When(term=term, then=Value(weight)) for term, weight in query.items()],
        default=Value(0.0),
        output_field=FloatField(),
    )
    return list(
        Posting.objects.filter(term__in=query)
        .exclude(article_id=article_id)
        .values("article_id")
        .annotate(overlap=Sum(shared_weight * F("weight")))
        .order_by("-overlap")
        .values_list("article_id", flat=True)[:CANDIDATES]
    )


def refresh(ids):
    """Bring the lists in line with the articles `ids` as they are now: a public article is
    (re)fingerprinted and listed, any other, or a deleted one, leaves every list."""
    articles = {a.pk: a for a in Article.objects.filter(pk__in=ids).only(*TEXT_FIELDS)}
    for article_id in sorted(ids):
        article = articles.get(article_id)
        if article is not None and article.status in PUBLIC:
            refresh_article(article)
        else:
            remove_article(article_id)


def refresh_article(article):
    """Publishing or editing: fingerprint the article, compute its list, offer it to the
    lists of the articles most similar to it, and recompute the lists that already show it
    (an edit may have made it less similar to them)."""
    _collection_cache.clear()
    with transaction.atomic():
        one_refresh_at_a_time()
        stored, replaced = store_fingerprints([[profile(article)]])
        list(stored)
        update_list(article.pk, offer_to_neighbors=True)
        if replaced:
            pointing = RelatedArticle.objects.filter(related=article).exclude(article=article)
            for article_id in set(pointing.values_list("article_id", flat=True)):
                update_list(article_id)


# Any number will do, as long as nothing else takes the same advisory lock.
REFRESH_LOCK = 7_466_121


def one_refresh_at_a_time():
    """One article's refresh rewrites several lists in one transaction, each locked as it
    comes: two workers refreshing neighbours at once could each hold a list the other needs
    next (a deadlock PostgreSQL broke by failing one task). Refreshes take turns, across
    processes, until their transaction ends; SQLite writes one transaction at a time anyway."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REFRESH_LOCK])


def update_list(article_id, offer_to_neighbors=False):
    own = load_entries([article_id])
    if not own:
        return
    nearby = candidate_ids(article_id, own[0].vector)
    pins = pins_for([article_id])
    entries = own + load_entries([*nearby, *pins.values()])
    collection = Collection(entries)
    row = collection.position[article_id]
    positions, scores = collection.candidates(row, collection.cosines([row])[0])
    taken = taken_positions(collection, pins, article_id)
    lists = {article_id: as_ids(collection, collection.choose(row, positions, scores, taken))}
    if offer_to_neighbors:
        offers = as_ids(
            collection, list(zip(positions[:NEIGHBORS], scores[:NEIGHBORS], strict=True))
        )
        lists.update(offer(article_id, dict(offers), entries))
    write_lists(lists)


def offer(article_id, scores, known):
    """The changed lists of the articles in `scores` ({neighbor id: score}) once the article
    is considered for each; scores are symmetric, so its score there is the same. `known`
    are entries already loaded; merging compares no vectors, so the rest come without."""
    current = current_lists(scores)
    pins = pins_for(scores)
    members = {related for entries in current.values() for related, _ in entries}
    loaded = {entry.article_id for entry in known}
    missing = {article_id, *scores, *members, *pins.values()} - loaded
    collection = Collection([*known, *load_entries(missing, vectors=False)])
    if article_id not in collection.position:
        return {}
    newcomer = collection.position[article_id]
    changed = {}
    for neighbor_id, score in scores.items():
        row = collection.position.get(neighbor_id)
        if row is None:
            continue
        existing = [
            (collection.position[related], value)
            for related, value in current.get(neighbor_id, [])
            if related in collection.position
        ]
        merged = collection.merged_list(
            row, existing, [(newcomer, score)], taken_positions(collection, pins, neighbor_id)
        )
        if merged != existing:
            changed[neighbor_id] = as_ids(collection, merged)
    return changed


def remove_article(article):
    """Unpublishing, archiving or deleting (`article` an object or an id): the article
    leaves every list; lists left shorter than what the page shows are recomputed."""
    _collection_cache.clear()
    with transaction.atomic():
        one_refresh_at_a_time()
        affected = set(
            RelatedArticle.objects.filter(related=article).values_list("article_id", flat=True)
        )
        RelatedArticle.objects.filter(Q(article=article) | Q(related=article)).delete()
        Posting.objects.filter(article=article).delete()
        Fingerprint.objects.filter(article=article).delete()
        lengths = dict(
            RelatedArticle.objects.filter(article_id__in=affected)
            .values("article_id")
            .annotate(length=Count("pk"))
            .values_list("article_id", "length")
        )
        for article_id in affected:
            if lengths.get(article_id, 0) < SHOWN:
                update_list(article_id)


# Many articles at once

# [collection, fingerprint count] after the last committed `index_articles`, or empty.
_collection_cache = []


def index_articles(articles, progress=NoProgress, count=None):
    """Fingerprint `articles` and compute their lists against the whole collection in
    memory; each is also offered to the lists of the articles most similar to it.
    `articles` may be a stream (`count` then says about how many). What grows with the run
    waits on disk (the profiles, the collection's arrays) or in the database (fingerprints,
    lists as they are computed): memory holds a chunk's work, a block of the collection
    and about 40 bytes an article (ids and positions)."""
    public = (article for article in articles if article.status in PUBLIC)
    total = len(articles) if count is None else count
    spilled = SpilledProfiles(profiles_of(public, progress, total))
    try:
        if spilled.ids:
            list_profiled(spilled, progress)
    finally:
        spilled.close()


def list_profiled(spilled, progress):
    # Consecutive import batches in one process reuse the collection the last one left,
    # while no other writer has changed the fingerprints in between.
    cached, _collection_cache[:] = _collection_cache[:], []
    with transaction.atomic():
        size_before = Fingerprint.objects.count()
        stored, replaced = store_fingerprints(spilled)
        new = (new_entries(fingerprints) for fingerprints in stored)
        if cached and cached[1] == size_before and not replaced:
            collection = cached[0]
            collection.extend(new)
        elif size_before == 0:
            collection = Collection(scratch=True)
            collection.extend(new)
        else:
            for _fingerprints in stored:
                pass  # Stored; the collection is then read back whole, in id order.
            collection = Collection(scratch=True)
            collection.extend(all_entries())
        transaction.on_commit(
            lambda: _collection_cache.extend([collection, len(collection)]), robust=True
        )
        pins = pins_for()
        rows = collection.position.of(np.array(spilled.ids, dtype=np.int64))
        offers = defaultdict(dict)
        with progress(total=len(rows), desc="lists", unit="article") as bar:
            # A batch's own lists are final as they come: written at once, not held.
            for chunk_lists, chunk_offers in lists_of(collection, pins, rows):
                write_lists(as_id_lists(collection, chunk_lists), announce=False)
                for position, row, score in chunk_offers:
                    offers[position][row] = score
                collection.release()
                bar.update(len(chunk_lists))
        changed = as_id_lists(collection, merge_offers(collection, offers, pins))
        write_lists(changed, announce=False)
        announce_lists(frozenset(spilled.ids) | frozenset(changed))


def as_id_lists(collection, lists):
    return {int(collection.ids[row]): as_ids(collection, chosen) for row, chosen in lists.items()}


# What forked list workers read: set before the pool forks, so they share it unpickled.
_for_workers = {}
LIST_CHUNK = 256
# A chunk's cosines are a dense (rows × collection) array, and the sparse product before
# it can be as large (articles sharing a common term): at most this many cells (16 MB
# dense), so 100,000 articles are listed 40 at a time, not 256 with 300 MB per worker.
COSINE_CELLS = 4_000_000


def lists_of(collection, pins, rows):
    """(lists, offers) for each chunk of `rows`: each row's chosen list, and the offers
    of it to its nearest neighbors outside `rows`, as (neighbor, row, score). A large run
    computes them on every core."""
    batch = np.zeros(len(collection), dtype=bool)
    batch[rows] = True
    _for_workers.update(collection=collection, pins=pins, batch=batch)
    size = max(1, min(LIST_CHUNK, COSINE_CELLS // max(len(collection), 1)))
    workers = cores() if len(rows) >= PARALLEL_FROM else 0
    row_chunks = (rows[start : start + size].tolist() for start in range(0, len(rows), size))
    try:
        with worker_pool(workers) as pool:
            for _chunk, result in in_order(pool, _lists_for, row_chunks, 2 * workers):
                yield result
    finally:
        _for_workers.clear()


def _lists_for(chunk):
    collection, pins, batch = (_for_workers[name] for name in ("collection", "pins", "batch"))
    lists, offers = {}, []
    for row, cosine_row in zip(chunk, collection.cosines(chunk), strict=True):
        positions, scores = collection.candidates(row, cosine_row)
        article_id = int(collection.ids[row])
        taken = taken_positions(collection, pins, article_id)
        lists[row] = collection.choose(row, positions, scores, taken)
        for position, score in zip(positions[:NEIGHBORS], scores[:NEIGHBORS], strict=True):
            if not batch[position]:
                offers.append((int(position), row, float(score)))
    collection.release()
    return lists, offers


def merge_offers(collection, offers, pins):
    """The changed lists among articles outside a batch that its articles were offered to.
    Only lists with room, or whose lowest score an offer beats, are read and merged."""
    ids = {int(collection.ids[row]): row for row in offers}
    floors = {}
    for chunk in chunks(ids):
        floors.update(
            (article_id, (length, lowest))
            for article_id, length, lowest in RelatedArticle.objects.filter(article_id__in=chunk)
            .values("article_id")
            .annotate(length=Count("pk"), lowest=Min("score"))
            .values_list("article_id", "length", "lowest")
        )
    open_ids = [
        article_id
        for article_id, row in ids.items()
        if (floor := floors.get(article_id, (0, 0.0)))[0] < LIST_LENGTH
        or max(offers[row].values()) > floor[1]
    ]
    current = current_lists(open_ids)
    changed = {}
    for article_id in open_ids:
        row = ids[article_id]
        existing = [
            (collection.position[related], score)
            for related, score in current.get(article_id, [])
            if related in collection.position
        ]
        merged = collection.merged_list(
            row, existing, list(offers[row].items()), taken_positions(collection, pins, article_id)
        )
        if merged != existing:
            changed[row] = merged
    return changed


def profiles_of(articles, progress, total):
    """Profiles of `articles` (an iterable of about `total`), as a stream; a large
    collection is analyzed on every core, a few chunks of texts ahead (reading is faster
    than analysis, and an unbounded queue would hold every text of the run)."""
    texts = (text_of(article) for article in articles)
    workers = cores() if total >= PARALLEL_FROM else 0
    bar = progress(total=total, desc="fingerprints", unit="article")
    with bar, worker_pool(workers) as pool:
        batches = chunks(texts, PROFILE_CHUNK)
        for _texts, profiles in in_order(pool, _profiles, batches, 2 * workers):
            yield from profiles
            bar.update(len(profiles))


def _profiles(texts):
    return [profile_text(text) for text in texts]


def index_imported(ids, progress=NoProgress):
    """After a bulk import: fingerprint and list `ids`, and every public article that has no
    fingerprint yet (an interrupted import's last batches), in memory, on every core."""
    fingerprinted = Fingerprint.objects.filter(article=OuterRef("pk"))
    missing = Article.objects.filter(status__in=PUBLIC).exclude(Exists(fingerprinted))
    wanted = set(ids) | set(missing.values_list("pk", flat=True))
    articles = (
        article
        for chunk in chunks(sorted(wanted))
        for article in Article.objects.filter(pk__in=chunk).only(*TEXT_FIELDS)
    )
    index_articles(articles, progress=progress, count=len(wanted))
    return len(wanted)


def rebuild(progress=NoProgress):
    """Recompute every fingerprint, statistic and list from the published articles."""
    with transaction.atomic():
        RelatedArticle.objects.all().delete()
        Posting.objects.all().delete()
        Fingerprint.objects.all().delete()
        TermStatistic.objects.all().delete()
        articles = Article.objects.filter(status__in=PUBLIC).only(*TEXT_FIELDS)
        index_articles(
            articles.iterator(chunk_size=2000), progress=progress, count=articles.count()
        )
