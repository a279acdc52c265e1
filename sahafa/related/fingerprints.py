"""From an article's text to its fingerprint: weighted term counts, a TF-IDF vector of its
most distinctive terms, and a MinHash signature of its body for spotting wire copies."""

import math
import sys
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from sahafa.arabic import analyze, sharing

from .headlines import headline_key

# A headline says what the story is about; the kicker and standfirst nearly so.
HEADLINE_WEIGHT = 3
LEAD_WEIGHT = 2
VECTOR_TERMS = 50
# Only the strongest terms go into the inverted index that finds candidates.
POSTING_TERMS = 24
# Terms seen in a single article say little about what links two articles: idf treats them
# as if seen twice, so a typo or a one-off name does not crowd out the topic.
MIN_DOCUMENT_COUNT = 2
MAX_TERM_LENGTH = 100
SHINGLE_SIZE = 5
MINHASH_PERMUTATIONS = 64
# 32-bit hash values, so a signature is stored as uint32s.
MINHASH_SCHEME = "affine32"


@dataclass
class Profile:
    """What analysis of one article yields, before the collection's statistics weigh it."""

    article_id: int
    term_counts: Counter
    signature: bytes
    shingle_hashes: bytes
    headline_key: str


@dataclass
class Text:
    """What fingerprinting reads of an article: plain data, so it can go to a worker."""

    article_id: int
    headline: str
    lead: str
    body_html: str
    # The body's terms joined by spaces, when an earlier phase analyzed it (then the HTML
    # is not sent along).
    body_terms: str | None = None


def text_of(article):
    """What fingerprinting reads of `article`, with its body's terms if an earlier bulk
    phase of the run kept them (`sahafa.arabic.sharing`)."""
    lead = f"{article.kicker}\n{article.standfirst}"
    terms = sharing.take(article.body)
    if terms is None:
        return Text(article.pk, article.headline, lead, article.body)
    return Text(article.pk, article.headline, lead, "", terms)


def profile(article):
    return profile_text(text_of(article))


def profile_text(text):
    if text.body_terms is None:
        body_terms = sharing.body_terms(text.body_html)
    else:
        # Interned, as the analyzer's cached stems are: a worker's chunk of profiles is
        # pickled with one copy of each term, not one per article.
        body_terms = [sys.intern(term) for term in text.body_terms.split()]
    counts = Counter(body_terms)
    for term in analyze(text.headline):
        counts[term] += HEADLINE_WEIGHT
    for term in analyze(text.lead):
        counts[term] += LEAD_WEIGHT
    for term in [term for term in counts if term.isdigit() or len(term) > MAX_TERM_LENGTH]:
        # Numbers (years, counts, scores) are in every kind of story.
        del counts[term]
    shingles = body_shingles(body_terms)
    return Profile(
        article_id=text.article_id,
        term_counts=counts,
        signature=minhash_signature(shingles),
        shingle_hashes=shingle_hashes(shingles),
        headline_key=headline_key(text.headline),
    )


def body_shingles(terms):
    """The same shingles as `sahafa.arabic.shingles(body)`, from terms already analyzed."""
    if len(terms) <= SHINGLE_SIZE:
        return {" ".join(terms)} if terms else set()
    return {" ".join(terms[i : i + SHINGLE_SIZE]) for i in range(len(terms) - SHINGLE_SIZE + 1)}


def idf(document_count, collection_size):
    # Positive even for a term in every article and in a collection of one, so the first
    # articles of a new site still get a vector.
    return math.log(1 + collection_size / max(document_count, MIN_DOCUMENT_COUNT))


def tfidf_vector(term_counts, idfs, unseen_idf):
    """{term: weight} of the `VECTOR_TERMS` most distinctive terms, L2-normalized, given
    each term's idf (`unseen_idf` for a term the statistics do not hold)."""
    weights = [
        (term, (1 + math.log(count)) * idfs.get(term, unseen_idf))
        for term, count in term_counts.items()
    ]
    top = sorted(weights, key=lambda item: (-item[1], item[0]))[:VECTOR_TERMS]
    norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
    return {term: round(weight / norm, 5) for term, weight in top}


def posting_terms(vector):
    return sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:POSTING_TERMS]


@cache
def _permutations():
    # Drawn once: every signature must come from the same hash permutations.
    return MinHash(num_perm=MINHASH_PERMUTATIONS, scheme=MINHASH_SCHEME).permutations


def minhash_signature(shingles):
    """The MinHash signature of a shingle set as little-endian uint32 bytes."""
    minhash = MinHash(
        num_perm=MINHASH_PERMUTATIONS, permutations=_permutations(), scheme=MINHASH_SCHEME
    )
    minhash.update_batch([shingle.encode() for shingle in shingles])
    return minhash.hashvalues.astype("<u4").tobytes()


def shingle_hashes(shingles):
    """The shingles' CRC-32s, sorted and unique, as little-endian uint32 bytes: the exact
    set that confirms what a MinHash estimate suspects."""
    hashes = np.fromiter((zlib.crc32(shingle.encode()) for shingle in shingles), dtype="<u4")
    return np.unique(hashes).tobytes()


def signature_array(signature):
    return np.frombuffer(bytes(signature), dtype="<u4")


def shingle_array(hashes):
    return np.frombuffer(bytes(hashes), dtype="<u4")
