"""The one rule for "the same story" by headline, apart from the fingerprints' numpy and
datasketch: the article page (`selection.py`) applies it on every render, in web workers
that never compute a fingerprint."""

from sahafa.arabic import normalize


def headline_key(headline):
    """The normalized headline: two articles with the same key are the same story."""
    return normalize(headline)[:300]
