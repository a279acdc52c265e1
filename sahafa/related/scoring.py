"""Ranking related articles within a collection of fingerprints.

score = cosine × section boost × tag boost × time closeness, where cosine is the dot product
of the two TF-IDF vectors. Every factor is symmetric, so the score of B in A's list is the
score of A in B's list: publishing B can place it in A's list without recomputing A's.
A candidate that is a copy of the article, or of an article already kept, is skipped.
The constants are explained in docs/related.md.
"""

import mmap
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from hashlib import blake2b

import numpy as np
from scipy import sparse

from .fingerprints import MINHASH_PERMUTATIONS, shingle_array, signature_array

SAME_SECTION_BOOST = 0.2
TAG_BOOST = 0.1
MAX_SHARED_TAGS = 3
TIME_HALF_LIFE_SECONDS = 3 * 24 * 3600
# What closeness in time can take away at most: a months-old story on the very same subject
# still beats a fresh one on a loosely related subject.
TIME_FLOOR = 0.6
MIN_COSINE = 0.08
CANDIDATES = 60
LIST_LENGTH = 10
# Articles whose term weights are read at a time to compute cosines.
BLOCK = 16384
# Share of the shorter body's shingles found in the other body that makes it a copy.
COPY_CONTAINMENT = 0.5
# An estimated containment from which the exact shingle sets are compared.
COPY_SUSPICION = 0.15
# A body under this share of the other's length is compared exactly whatever the estimate.
UNEVEN_SIZES = 0.4


NO_SIGNATURES = np.zeros((0, MINHASH_PERMUTATIONS), dtype="<u4")
NO_SHINGLES = np.zeros(0, dtype="<u4")


@dataclass
class Entry:
    """One fingerprinted article, as the ranking sees it."""

    article_id: int
    vector: dict
    signature: bytes
    shingle_hashes: bytes
    headline_key: str
    section_id: int
    timestamp: float
    tag_ids: frozenset


class Collection:
    """Fingerprints held as arrays, so that one article is compared with all at once: no
    Python object per article. A bulk run's collection (`scratch`) keeps its arrays in
    anonymous temporary files, read through read-only mappings a block at a time, so its
    memory does not grow with the collection (`ScratchArrays`); a small one (an article's
    candidates, the wire desk's items) keeps them in memory."""

    def __init__(self, entries=(), scratch=False):
        self.arrays = ScratchArrays() if scratch else HeldArrays()
        self.position = Positions()
        self.vocabulary = {}
        self.tag_sets = []
        self._tag_numbers = {}
        for name in ("term_starts", "shingle_starts"):
            self.arrays.append(name, np.zeros(1, dtype=np.int64))
        self._map()
        self.append(entries)

    def append(self, entries):
        """Add `entries` (articles not yet in the collection)."""
        self.extend([entries])

    def extend(self, batches):
        """Add batches of entries (a stream: each batch is reduced to arrays and stored
        before the next is read)."""
        start, term_total, shingle_total = len(self), self.term_starts[-1], self.shingle_starts[-1]
        new_ids = []
        for batch in batches:
            entries = list(batch)
            ids = np.array([e.article_id for e in entries], dtype=np.int64)
            new_ids.append(ids)
            self.arrays.append("ids", ids)
            self.arrays.append(
                "sections", np.array([e.section_id for e in entries], dtype=np.int64)
            )
            self.arrays.append(
                "timestamps", np.array([e.timestamp for e in entries], dtype=np.float64)
            )
            self.arrays.append(
                "headlines",
                np.array([headline_number(e.headline_key) for e in entries], dtype=np.int64),
            )
            # Articles share a handful of tag combinations: one set for each, and a number.
            self.arrays.append(
                "tags", np.array([self._tag_number(e.tag_ids) for e in entries], dtype=np.int64)
            )
            self.arrays.append(
                "signatures",
                np.vstack([NO_SIGNATURES, *(signature_array(e.signature) for e in entries)]),
            )
            shingles = [shingle_array(e.shingle_hashes) for e in entries]
            self.arrays.append("shingles", np.concatenate([NO_SHINGLES, *shingles]))
            ends = shingle_total + np.cumsum([len(h) for h in shingles], dtype=np.int64)
            shingle_total = ends[-1] if len(ends) else shingle_total
            self.arrays.append("shingle_starts", ends)
            del shingles
            columns, weights, lengths = _term_rows([e.vector for e in entries], self.vocabulary)
            self.arrays.append("term_columns", columns)
            self.arrays.append("term_weights", weights)
            ends = term_total + np.cumsum(lengths, dtype=np.int64)
            term_total = ends[-1] if len(ends) else term_total
            self.arrays.append("term_starts", ends)
        self._map()
        if new_ids:
            self.position.add(np.concatenate(new_ids), start)

    def _tag_number(self, tag_ids):
        number = self._tag_numbers.setdefault(tag_ids, len(self.tag_sets))
        if number == len(self.tag_sets):
            self.tag_sets.append(tag_ids)
        return number

    def _map(self):
        array = self.arrays.array
        self.ids = array("ids", np.int64)
        self.sections = array("sections", np.int64)
        self.timestamps = array("timestamps", np.float64)
        self.headlines = array("headlines", np.int64)
        self.tags = array("tags", np.int64)
        self.signatures = array("signatures", "<u4", MINHASH_PERMUTATIONS)
        # Every article's shingle hashes end to end; article i's are shingles[starts[i]:
        # starts[i + 1]].
        self.shingles = array("shingles", "<u4")
        self.shingle_starts = array("shingle_starts", np.int64)
        # Each article's term weights as a sparse matrix's rows: columns (in vocabulary
        # order, ascending within a row), weights, and where each article's start.
        self.term_columns = array("term_columns", np.int32)
        self.term_weights = array("term_weights", np.float32)
        self.term_starts = array("term_starts", np.int64)

    def release(self):
        """Give back the pages of the arrays read so far (a scratch collection's)."""
        self.arrays.release()

    def __len__(self):
        return len(self.ids)

    def cosines(self, rows):
        """Dense (len(rows) × collection) cosine similarities, the collection's term weights
        read `BLOCK` articles at a time. Each article's terms are in column order, so every
        cell adds up the same products in the same order as one product of the rows with
        the whole collection's transpose: the same float32s, bit for bit."""
        queries = self.term_matrix(rows).T.tocsr()
        cosines = np.zeros((len(rows), len(self)), dtype=np.float32)
        for start in range(0, len(self), BLOCK):
            block = self.term_matrix(slice(start, start + BLOCK))
            cosines[:, start : start + block.shape[0]] = (block @ queries).T.toarray()
            self.release()
        return cosines

    def term_matrix(self, rows):
        """The term weights of the articles at `rows` (positions, or a slice of them) as a
        sparse matrix, a row each."""
        if isinstance(rows, slice):
            ends = self.term_starts[rows.start : rows.stop + 1]
            first, last = ends[0], ends[-1]
            columns, weights = self.term_columns[first:last], self.term_weights[first:last]
            ends = ends - first
        else:
            rows = np.asarray(rows, dtype=np.int64)
            starts = self.term_starts[rows]
            lengths = self.term_starts[rows + 1] - starts
            ends = np.concatenate([[0], np.cumsum(lengths)])
            # Each row's cells, in order: its start, then one after another.
            cells = np.repeat(starts - ends[:-1], lengths) + np.arange(ends[-1])
            columns, weights = self.term_columns[cells], self.term_weights[cells]
        return sparse.csr_matrix(
            (weights, columns, ends), shape=(len(ends) - 1, max(len(self.vocabulary), 1))
        )

    def scores(self, row, others, cosines):
        """The boosted score of each of `others` (positions) for the article at `row`."""
        section = 1 + SAME_SECTION_BOOST * (self.sections[others] == self.sections[row])
        gap = np.abs(self.timestamps[others] - self.timestamps[row])
        closeness = TIME_FLOOR + (1 - TIME_FLOOR) * np.exp2(-gap / TIME_HALF_LIFE_SECONDS)
        scores = cosines * section * closeness
        tags = self.tag_sets[self.tags[row]]
        if tags:
            shared = [len(tags & self.tag_sets[number]) for number in self.tags[others]]
            scores *= 1 + TAG_BOOST * np.minimum(shared, MAX_SHARED_TAGS)
        return scores

    def candidates(self, row, cosine_row):
        """Positions and scores of the best candidates for `row`, best first."""
        cosine_row = cosine_row.copy()
        cosine_row[row] = -1
        count = min(CANDIDATES, len(cosine_row) - 1)
        if count <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        top = np.argpartition(-cosine_row, count - 1)[:count]
        top = top[cosine_row[top] >= MIN_COSINE]
        scores = self.scores(row, top, cosine_row[top])
        order = np.argsort(-scores, kind="stable")
        return top[order], scores[order]

    def choose(self, row, positions, scores, taken=()):
        """The list for `row` from candidates in descending score: at most LIST_LENGTH of
        them, none a copy of the article, of `taken` (its pin) or of one already chosen."""
        kept = [row, *taken]
        chosen = []
        for position, score in zip(positions, scores, strict=True):
            if position in kept or self.is_copy_of_any(position, kept):
                continue
            chosen.append((int(position), float(score)))
            kept.append(position)
            if len(chosen) == LIST_LENGTH:
                break
        return chosen

    def is_copy_of_any(self, position, others):
        others = np.asarray(others)
        headline = self.headlines[position]
        if headline and (self.headlines[others] == headline).any():
            return True
        size = self.shingle_starts[position + 1] - self.shingle_starts[position]
        if not size:
            return False
        sizes = self.shingle_starts[others + 1] - self.shingle_starts[others]
        jaccard = (self.signatures[others] == self.signatures[position]).mean(axis=1)
        # |A∩B| from the Jaccard estimate and the set sizes. A trimmed wire copy is mostly
        # contained in the full story even when their Jaccard is low, and the estimate is
        # loose there: whatever it suspects is settled on the exact shingle sets. A body much
        # shorter than the other is always settled exactly: its share of the other's
        # shingles is too small for 64 permutations to see.
        smaller, larger = np.minimum(sizes, size), np.maximum(sizes, size)
        estimate = jaccard * (sizes + size) / (1 + jaccard) / np.maximum(smaller, 1)
        suspects = (estimate >= COPY_SUSPICION) | (smaller < UNEVEN_SIZES * larger)
        return any(
            self.containment(position, other) >= COPY_CONTAINMENT for other in others[suspects]
        )

    def containment(self, first, second):
        """Share of the smaller body's shingles found in the other body."""
        first, second = self.shingles_of(first), self.shingles_of(second)
        smaller = min(len(first), len(second))
        if not smaller:
            return 0.0
        shared = np.intersect1d(first, second, assume_unique=True)
        return len(shared) / float(smaller)

    def shingles_of(self, position):
        return self.shingles[self.shingle_starts[position] : self.shingle_starts[position + 1]]

    def ranked_list(self, row, cosine_row, taken=()):
        return self.choose(row, *self.candidates(row, cosine_row), taken=taken)

    def merged_list(self, row, current, additions, taken=()):
        """`row`'s list with `additions` ((position, score) pairs) considered beside its
        `current` entries: the same choice as a recomputation over those candidates."""
        best = {}
        for position, score in [*current, *additions]:
            best[position] = max(score, best.get(position, score))
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return self.choose(row, [p for p, _ in ranked], [s for _, s in ranked], taken=taken)


def _term_rows(vectors, vocabulary):
    """Each vector's columns (numbered by `vocabulary`, which new terms extend) in column
    order with their weights, end to end, and how many each has."""
    columns, weights, lengths = [], [], []
    for vector in vectors:
        cells = sorted(
            (vocabulary.setdefault(term, len(vocabulary)), w) for term, w in vector.items()
        )
        columns.extend(column for column, _ in cells)
        weights.extend(weight for _, weight in cells)
        lengths.append(len(cells))
    return (
        np.array(columns, dtype=np.int32),
        np.array(weights, dtype=np.float32),
        np.array(lengths, dtype=np.int64),
    )


def headline_number(key):
    """A normalized headline as 63 bits of its digest (0: none), so the collection holds a
    number, not a string, per article; two different headlines among a million articles
    share one with a chance of about 1 in 10^7."""
    if not key:
        return 0
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "little") >> 1 or 1


class HeldArrays:
    """A collection's arrays in memory."""

    def __init__(self):
        self.blocks = defaultdict(list)

    def append(self, name, block):
        self.blocks[name].append(block)

    def array(self, name, dtype, width=None):
        blocks = self.blocks[name]
        empty = np.zeros((0, width) if width else 0, dtype=dtype)
        whole = np.concatenate([empty, *blocks])
        blocks[:] = [whole]
        return whole

    def release(self):
        pass


class ScratchArrays:
    """A collection's arrays, each in an anonymous temporary file (nothing is left behind,
    even by kill -9) that batches are appended to, read through a read-only mapping.
    What a computation reads of the mapping counts in the process's resident memory until
    `release` hands the pages back to the page cache (the file's data stays there, or on
    disk, and is read again when needed): done after every block, the collection costs a
    block's pages however large it is. Forked workers share the files."""

    def __init__(self):
        self.files = {}
        self.mapped = {}

    def append(self, name, block):
        if name not in self.files:
            self.files[name] = tempfile.TemporaryFile()  # noqa: SIM115 (closed with self)
        file = self.files[name]
        file.seek(0, os.SEEK_END)
        file.write(np.ascontiguousarray(block).tobytes())

    def array(self, name, dtype, width=None):
        file = self.files.get(name)
        row = np.dtype(dtype).itemsize * (width or 1)
        size = file.seek(0, os.SEEK_END) if file else 0
        if not size:
            return np.zeros((0, width) if width else 0, dtype=dtype)
        file.flush()
        shape = (size // row, width) if width else (size // row,)
        array = np.memmap(file, dtype=dtype, mode="r", shape=shape)
        self.mapped[name] = array
        return array

    def release(self):
        for array in self.mapped.values():
            array._mmap.madvise(mmap.MADV_DONTNEED)


class Positions:
    """{article id: position in the collection}, held as two arrays rather than a dict of
    Python integers."""

    def __init__(self):
        self.sorted_ids = np.zeros(0, dtype=np.int64)
        self.order = np.zeros(0, dtype=np.int64)

    def add(self, new_ids, start):
        """Place `new_ids` at positions start, start + 1, ..."""
        ids = np.concatenate([self.sorted_ids, new_ids])
        order = np.concatenate([self.order, np.arange(start, start + len(new_ids))])
        by_id = np.argsort(ids, kind="stable")
        self.sorted_ids, self.order = ids[by_id], order[by_id]

    def of(self, article_ids):
        """The positions of `article_ids` (an array of ids in the collection)."""
        return self.order[np.searchsorted(self.sorted_ids, article_ids)]

    def get(self, article_id, default=None):
        if article_id is None:
            return default
        index = np.searchsorted(self.sorted_ids, article_id)
        if index < len(self.sorted_ids) and self.sorted_ids[index] == article_id:
            return int(self.order[index])
        return default

    def __getitem__(self, article_id):
        position = self.get(article_id)
        if position is None:
            raise KeyError(article_id)
        return position

    def __contains__(self, article_id):
        return self.get(article_id) is not None
