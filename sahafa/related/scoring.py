"""Ranking related articles within a collection of fingerprints.

score = cosine × section boost × tag boost × time closeness, where cosine is the dot product
of the two TF-IDF vectors. Every factor is symmetric, so the score of B in A's list is the
score of A in B's list: publishing B can place it in A's list without recomputing A's.
A candidate that is a copy of the article, or of an article already kept, is skipped.
The constants are explained in docs/related.md.
"""

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
# Share of the shorter body's shingles found in the other body that makes it a copy.
COPY_CONTAINMENT = 0.5
# An estimated containment from which the exact shingle sets are compared.
COPY_SUSPICION = 0.15
# A body under this share of the other's length is compared exactly whatever the estimate.
UNEVEN_SIZES = 0.4


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
    Python object per article, so 100,000 articles take about 2 KB each (mostly the term
    matrix, twice, and the shingles)."""

    def __init__(self, entries=()):
        self.position = Positions()
        self.vocabulary = {}
        self.ids = np.zeros(0, dtype=np.int64)
        self.vectors = sparse.csr_matrix((0, 1), dtype=np.float32)
        self.vectors_transposed = self.vectors.T.tocsr()
        self.sections = np.zeros(0, dtype=np.int64)
        self.timestamps = np.zeros(0, dtype=np.float64)
        self.signatures = np.zeros((0, MINHASH_PERMUTATIONS), dtype="<u4")
        # Every article's shingle hashes end to end; article i's are shingles[starts[i]:
        # starts[i + 1]].
        self.shingles = np.zeros(0, dtype="<u4")
        self.starts = np.zeros(1, dtype=np.int64)
        self.headlines = np.zeros(0, dtype=np.int64)
        self.tags = []
        self._tag_sets = {frozenset(): frozenset()}
        self.append(entries)

    def append(self, entries):
        """Add `entries` (articles not yet in the collection)."""
        self.extend([entries])

    def extend(self, batches):
        """Add batches of entries (a stream: each batch is reduced to arrays before the next
        is read), stacking the arrays once."""
        start = len(self)
        blocks = defaultdict(list)
        for batch in batches:
            entries = list(batch)
            blocks["vectors"].append(_term_matrix([e.vector for e in entries], self.vocabulary))
            blocks["ids"].append(np.array([e.article_id for e in entries], dtype=np.int64))
            blocks["sections"].append(np.array([e.section_id for e in entries], dtype=np.int64))
            blocks["timestamps"].append(np.array([e.timestamp for e in entries], dtype=np.float64))
            # One array per batch: nothing is held per article until the batches are stacked.
            blocks["signatures"].append(
                np.vstack([self.signatures[:0], *(signature_array(e.signature) for e in entries)])
            )
            shingles = [shingle_array(e.shingle_hashes) for e in entries]
            blocks["shingles"].append(np.concatenate([self.shingles[:0], *shingles]))
            blocks["lengths"].append(np.array([len(h) for h in shingles], dtype=np.int64))
            del shingles
            blocks["headlines"].append(
                np.array([headline_number(e.headline_key) for e in entries], dtype=np.int64)
            )
            # Articles share a handful of tag combinations: one set for each.
            self.tags.extend(self._tag_sets.setdefault(e.tag_ids, e.tag_ids) for e in entries)
        if not blocks:
            return
        width = max(len(self.vocabulary), 1)
        stacked = [self.vectors, *blocks.pop("vectors")]
        for block in stacked:
            block.resize((block.shape[0], width))
        self.vectors = sparse.vstack(stacked, format="csr")
        del stacked
        self.vectors_transposed = self.vectors.T.tocsr()
        for name in ("ids", "sections", "timestamps", "headlines"):
            setattr(self, name, np.concatenate([getattr(self, name), *blocks.pop(name)]))
        self.signatures = np.vstack([self.signatures, *blocks.pop("signatures")])
        self.shingles = np.concatenate([self.shingles, *blocks.pop("shingles")])
        lengths = np.concatenate(blocks.pop("lengths"))
        self.starts = np.concatenate([self.starts, self.starts[-1] + np.cumsum(lengths)])
        self.position.add(self.ids[start:], start)

    def __len__(self):
        return len(self.ids)

    def cosines(self, rows):
        """Dense (len(rows) × collection) cosine similarities."""
        return (self.vectors[rows] @ self.vectors_transposed).toarray()

    def scores(self, row, others, cosines):
        """The boosted score of each of `others` (positions) for the article at `row`."""
        section = 1 + SAME_SECTION_BOOST * (self.sections[others] == self.sections[row])
        gap = np.abs(self.timestamps[others] - self.timestamps[row])
        closeness = TIME_FLOOR + (1 - TIME_FLOOR) * np.exp2(-gap / TIME_HALF_LIFE_SECONDS)
        scores = cosines * section * closeness
        tags = self.tags[row]
        if tags:
            shared = [len(tags & self.tags[other]) for other in others]
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
        size = self.starts[position + 1] - self.starts[position]
        if not size:
            return False
        sizes = self.starts[others + 1] - self.starts[others]
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
        return self.shingles[self.starts[position] : self.starts[position + 1]]

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


def _term_matrix(vectors, vocabulary):
    """Rows of term weights; columns numbered by `vocabulary`, which new terms extend."""
    rows, columns, values = [], [], []
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    return sparse.csr_matrix(
        (np.array(values, dtype=np.float32), (rows, columns)),
        shape=(len(vectors), max(len(vocabulary), 1)),
    )


def headline_number(key):
    """A normalized headline as 63 bits of its digest (0: none), so the collection holds a
    number, not a string, per article; two different headlines among a million articles
    share one with a chance of about 1 in 10^7."""
    if not key:
        return 0
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "little") >> 1 or 1


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
