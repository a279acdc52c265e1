"""Word-level differences between two versions of an Arabic text, for side-by-side display.

Words are aligned on their normalized form (`normalize()`, the one comparison every part of
Sahafa uses) with difflib, so the alignment is not thrown off by tatweel or invisible
characters; a word whose spelling changed all the same (a hamza seat, a diacritic) is
shown as deleted on the left and inserted on the right, since an editor wants to see it.
Paragraph breaks (newlines) are kept as their own tokens.
"""

import difflib
import re
from typing import NamedTuple

from .normalization import normalize

SAME, DELETED, INSERTED = "same", "deleted", "inserted"
_TOKEN = re.compile(r"\n|[^\s]+")


class Word(NamedTuple):
    kind: str  # SAME, DELETED (left side only) or INSERTED (right side only)
    text: str


def _tokens(text: str) -> list[str]:
    text = "\n".join(line.strip() for line in text.strip().splitlines())
    return _TOKEN.findall(re.sub(r"\n{2,}", "\n", text))


def _paragraphs(words: list[Word]) -> list[list[Word]]:
    paragraphs: list[list[Word]] = [[]]
    for word in words:
        if word.text == "\n":
            paragraphs.append([])
        else:
            paragraphs[-1].append(word)
    return [paragraph for paragraph in paragraphs if paragraph]


def word_diff(old: str, new: str) -> tuple[list[list[Word]], list[list[Word]]]:
    """The old and new text as paragraphs of words, each word marked SAME, DELETED (old
    side) or INSERTED (new side)."""
    before, after = _tokens(old), _tokens(new)
    keys_before = [normalize(token) or token for token in before]
    keys_after = [normalize(token) or token for token in after]
    matcher = difflib.SequenceMatcher(None, keys_before, keys_after, autojunk=False)
    left: list[Word] = []
    right: list[Word] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for old_word, new_word in zip(before[i1:i2], after[j1:j2], strict=True):
                if old_word == new_word:
                    left.append(Word(SAME, old_word))
                    right.append(Word(SAME, new_word))
                else:
                    left.append(Word(DELETED, old_word))
                    right.append(Word(INSERTED, new_word))
            continue
        left.extend(Word(SAME if t == "\n" else DELETED, t) for t in before[i1:i2])
        right.extend(Word(SAME if t == "\n" else INSERTED, t) for t in after[j1:j2])
    return _paragraphs(left), _paragraphs(right)
