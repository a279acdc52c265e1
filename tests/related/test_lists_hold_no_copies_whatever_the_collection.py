"""Whatever the collection looks like, a computed list never holds the article, a copy of
it, or two copies of one story, and it is ranked best first."""

from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sahafa.related.fingerprints import minhash_signature, shingle_hashes
from sahafa.related.scoring import COPY_CONTAINMENT, LIST_LENGTH, Collection, Entry

WORDS = ["نفط", "هلال", "نصر", "كاس", "مطر", "سيول", "لقاح", "قمر", "مدرس", "عدن"]
HEADLINES = ["", "الهلال بطلا", "النفط يتراجع", "سيول الرياض"]
STORIES = [[f"جمله {story} {line}" for line in range(12)] for story in range(4)]

articles = st.fixed_dictionaries(
    {
        "vector": st.dictionaries(
            st.sampled_from(WORDS), st.floats(0.1, 1.0), min_size=1, max_size=5
        ),
        "headline": st.sampled_from(HEADLINES),
        # A body made of parts of a few stories: sharing a story's lines is copying.
        "story": st.integers(0, len(STORIES) - 1),
        "lines": st.integers(1, 12),
        "section": st.integers(1, 3),
        "hours": st.integers(0, 24 * 30),
    }
)


def entry(number, article):
    shingles = set(STORIES[article["story"]][: article["lines"]])
    norm = sum(weight * weight for weight in article["vector"].values()) ** 0.5
    return Entry(
        article_id=number,
        vector={term: weight / norm for term, weight in article["vector"].items()},
        signature=minhash_signature(shingles),
        shingle_hashes=shingle_hashes(shingles),
        headline_key=article["headline"],
        section_id=article["section"],
        timestamp=article["hours"] * 3600.0,
        tag_ids=frozenset(),
    )


def exact_copies(collection, first, second):
    headline = collection.headlines[first]
    if headline and headline == collection.headlines[second]:
        return True
    return collection.containment(first, second) >= COPY_CONTAINMENT


@settings(max_examples=60, deadline=None)
@given(st.lists(articles, min_size=1, max_size=25))
def test_lists_are_ranked_and_free_of_copies(generated):
    collection = Collection(entry(number, article) for number, article in enumerate(generated))
    cosines = collection.cosines(list(range(len(collection))))

    for row in range(len(collection)):
        chosen = collection.ranked_list(row, cosines[row])

        positions = [position for position, _ in chosen]
        scores = [score for _, score in chosen]
        assert len(chosen) <= LIST_LENGTH
        assert row not in positions
        assert scores == sorted(scores, reverse=True)
        assert not [p for p in positions if exact_copies(collection, row, p)]
        assert not [pair for pair in combinations(positions, 2) if exact_copies(collection, *pair)]
        assert np.all(cosines[row][positions] > 0)
