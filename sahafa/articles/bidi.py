"""Reader text as HTML in which each Latin run is isolated in `<bdi>` (sahafa.arabic.bidi),
optionally with some spans in `<mark>` (search matches). Everything else is escaped.

`isolate_in_html()` does the same inside the text of a sanitized body, so the sanitizer
stores bodies with their Latin runs isolated (sahafa/articles/sanitize.py)."""

import re
from html import unescape
from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import mark_safe

from sahafa.arabic.bidi import latin_runs


def _inside(position, spans):
    return any(start <= position < end for start, end in spans)


def isolated_html(text, marks=(), escape=escape):
    """``text`` escaped, each Latin run in `<bdi>`, each (start, end) of ``marks`` in
    `<mark>` (a mark that crosses a run's edge is split there, so the tags nest)."""
    text = text or ""
    runs = latin_runs(text)
    cuts = sorted({0, len(text)} | {p for span in (*runs, *marks) for p in span})
    parts = []
    in_run = in_mark = False
    for start, end in pairwise(cuts):
        run, mark = _inside(start, runs), _inside(start, marks)
        if in_mark and (not mark or run != in_run):
            parts.append("</mark>")
            in_mark = False
        if in_run and not run:
            parts.append("</bdi>")
        elif run and not in_run:
            parts.append("<bdi>")
        in_run = run
        if mark and not in_mark:
            parts.append("<mark>")
            in_mark = True
        parts.append(escape(text[start:end]))
    parts.append(("</mark>" if in_mark else "") + ("</bdi>" if in_run else ""))
    return mark_safe("".join(parts))


# nh3 (html5ever) writes each tag whole, with `>` escaped inside attribute values, and each
# text node with exactly these four characters escaped: the body is split on tags by a
# pattern, and a rewritten text node is written back byte for byte as nh3 would write it.
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
_LEFT_TO_RIGHT = re.compile(r'\sdir="ltr"', re.IGNORECASE)
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}
# Text inside these is left as it is: already isolated, or code whose order is its own.
_KEEP = {"bdi", "code", "pre", "kbd", "samp", "script", "style"}
_TEXT_ESCAPES = {"&": "&amp;", "\xa0": "&nbsp;", "<": "&lt;", ">": "&gt;"}


def _as_nh3_writes(text):
    return "".join(_TEXT_ESCAPES.get(char, char) for char in text)


def isolate_in_html(html):
    """``html`` (as nh3 writes it) with each Latin run of its text in `<bdi>`, except in a
    `<bdi>`, in code, or in an element marked `dir="ltr"`. Tags and attributes are kept as
    they are; a run split by a tag («i<b>Phone</b>») is isolated piece by piece. Running it
    again changes nothing: every Latin letter is then inside a `<bdi>`."""
    parts = _TAG.split(html)
    kept = []  # for each open element: is its text left as it is?
    for index in range(0, len(parts), 2):
        if index:
            tag = parts[index - 1]
            name = _TAG_NAME.match(tag)
            if name and name.group(1):
                if kept:
                    kept.pop()
            elif name and name.group(2).lower() not in _VOID and not tag.endswith("/>"):
                kept.append(
                    bool(kept and kept[-1])
                    or name.group(2).lower() in _KEEP
                    or bool(_LEFT_TO_RIGHT.search(tag))
                )
        text = parts[index]
        if not text or (kept and kept[-1]):
            continue
        plain = unescape(text)
        if latin_runs(plain):
            parts[index] = isolated_html(plain, escape=_as_nh3_writes)
    return "".join(parts)
