"""Ranking related articles within a collection of fingerprints.

score = cosine × section boost × tag boost × time closeness, where cosine is the dot product
of the two TF-IDF vectors. Every factor is symmetric, so the score of B in A's list is the
score of A in B's list: publishing B can place it in A's list without recomputing A's.
A candidate that is a copy of the article, or of an article already kept, is skipped.
The constants are explained in docs/related.md.
"""

from dataclasses import dataclass

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
    """Fingerprints held as arrays, so that one article is compared with all at once."""

    def __init__(self, entries=()):
        self.entries = []
        self.position = {}
        self.vocabulary = {}
        self.ids = np.zeros(0, dtype=np.int64)
        self.vectors = sparse.csr_matrix((0, 1), dtype=np.float32)
        self.sections = np.zeros(0, dtype=np.int64)
        self.timestamps = np.zeros(0, dtype=np.float64)
        self.signatures = np.zeros((0, MINHASH_PERMUTATIONS), dtype="<u4")
        self.shingles = []
        self.shingle_counts = np.zeros(0, dtype=np.float64)
        self.append(entries)

    def append(self, entries):
        """Add `entries` (articles not yet in the collection)."""
        entries = list(entries)
        start = len(self.entries)
        self.entries.extend(entries)
        self.position.update((entry.article_id, start + i) for i, entry in enumerate(entries))
        block = _term_matrix([entry.vector for entry in entries], self.vocabulary)
        width = max(len(self.vocabulary), 1)
        self.vectors.resize((self.vectors.shape[0], width))
        block.resize((block.shape[0], width))
        self.vectors = sparse.vstack([self.vectors, block], format="csr")
        self.vectors_transposed = self.vectors.T.tocsr()
        self.ids = np.concatenate(
            [self.ids, np.array([entry.article_id for entry in entries], dtype=np.int64)]
        )
        self.sections = np.concatenate(
            [self.sections, np.array([entry.section_id for entry in entries], dtype=np.int64)]
        )
        self.timestamps = np.concatenate(
            [self.timestamps, np.array([entry.timestamp for entry in entries], dtype=np.float64)]
        )
        self.signatures = np.vstack(
            [self.signatures, *(signature_array(entry.signature) for entry in entries)]
        )
        self.shingles.extend(shingle_array(entry.shingle_hashes) for entry in entries)
        self.shingle_counts = np.concatenate(
            [self.shingle_counts, np.array([len(h) for h in self.shingles[start:]], dtype=float)]
        )

    def __len__(self):
        return len(self.entries)

    def cosines(self, rows):
        """Dense (len(rows) × collection) cosine similarities."""
        return (self.vectors[rows] @ self.vectors_transposed).toarray()

    def scores(self, row, others, cosines):
        """The boosted score of each of `others` (positions) for the article at `row`."""
        section = 1 + SAME_SECTION_BOOST * (self.sections[others] == self.sections[row])
        gap = np.abs(self.timestamps[others] - self.timestamps[row])
        closeness = TIME_FLOOR + (1 - TIME_FLOOR) * np.exp2(-gap / TIME_HALF_LIFE_SECONDS)
        scores = cosines * section * closeness
        tags = self.entries[row].tag_ids
        if tags:
            shared = [len(tags & self.entries[other].tag_ids) for other in others]
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
        headline = self.entries[position].headline_key
        if headline and any(self.entries[other].headline_key == headline for other in others):
            return True
        size = self.shingle_counts[position]
        if not size:
            return False
        others = np.asarray(others)
        sizes = self.shingle_counts[others]
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
        smaller = min(self.shingle_counts[first], self.shingle_counts[second])
        if not smaller:
            return 0.0
        shared = np.intersect1d(self.shingles[first], self.shingles[second], assume_unique=True)
        return len(shared) / smaller

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
