"""Benchmark: what isolating Latin runs adds to sanitizing a body, on the whole corpus.

    .venv/bin/python bench/sanitize.py

Builds each SaudiNewsNet article's body as `sahafa import-json` does (one <p> per
paragraph, text escaped), then times, over all 31,030 bodies: nh3's cleaning alone (the
sanitizer before the rule), the Latin-run rewrite alone (`isolate_in_html`), and
`sanitize_body` (both, what every save and import runs). Reports the totals, the mean per
body, and how many bodies and runs the rewrite isolated. Best of three passes each.
"""

import html
import json
import os
import sys
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
PASSES = 3


def bodies():
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    paragraphs = [p for p in (record.get("content") or "").split("\n") if p.strip()]
                    yield "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def best(function, inputs):
    times = []
    for _ in range(PASSES):
        started = time.perf_counter()
        for item in inputs:
            function(item)
        times.append(time.perf_counter() - started)
    return min(times)


def main():
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sahafa.settings")
    import django

    django.setup()
    from sahafa.articles import sanitize
    from sahafa.articles.bidi import isolate_in_html

    raw = list(bodies())
    cleaned = [sanitize._cleaner.clean(body) for body in raw]
    rewritten = [isolate_in_html(body) for body in cleaned]
    touched = sum(a != b for a, b in zip(cleaned, rewritten, strict=True))
    runs = sum(body.count("<bdi>") for body in rewritten)
    size = sum(len(body) for body in raw)
    print(f"{len(raw)} bodies, {size / 1e6:.1f} M characters;", end=" ")
    print(f"{touched} hold Latin runs ({runs} runs)")
    for label, function, inputs in (
        ("nh3 clean alone", sanitize._cleaner.clean, raw),
        ("isolate_in_html alone", isolate_in_html, cleaned),
        ("sanitize_body (both)", sanitize.sanitize_body, raw),
    ):
        seconds = best(function, inputs)
        print(f"{label:24} {seconds:6.2f} s  {seconds / len(raw) * 1e3:.3f} ms/body")


if __name__ == "__main__":
    main()
