"""Word-safe shortening of text for cards, meta descriptions and notifications."""

ELLIPSIS = "…"

# Punctuation that reads badly right before «…»; closing quotes and brackets are kept.
_TRAILING_PUNCTUATION = " ،,.:;؛-–—…"
# Opening quotes and brackets whose matching closer was cut off.
_OPENERS = "«“‘\"'([{"


def excerpt(text: str, max_chars: int = 120) -> str:
    """Shorten ``text`` to at most ``max_chars`` characters plus «…», never cutting a word.

    Text that fits is returned whitespace-collapsed and otherwise unchanged. A first word
    longer than ``max_chars`` is returned whole, followed by «…».
    """
    words = text.split()
    collapsed = " ".join(words)
    if len(collapsed) <= max_chars:
        return collapsed
    kept = [words[0]]
    length = len(words[0])
    for word in words[1:]:
        length += 1 + len(word)
        if length > max_chars:
            break
        kept.append(word)
    return _drop_dangling_punctuation(kept) + ELLIPSIS


def _drop_dangling_punctuation(words: list[str]) -> str:
    while words:
        last = words[-1].rstrip(_TRAILING_PUNCTUATION)
        if last and last.strip(_OPENERS):
            words[-1] = last
            break
        words.pop()
    return " ".join(words)
