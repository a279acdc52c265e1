"""Reader text as HTML in which each Latin run is isolated in `<bdi>` (sahafa.arabic.bidi),
optionally with some spans in `<mark>` (search matches). Everything else is escaped."""

from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import mark_safe

from sahafa.arabic.bidi import latin_runs


def _inside(position, spans):
    return any(start <= position < end for start, end in spans)


def isolated_html(text, marks=()):
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
