"""An operator runs four web workers per machine: each loads what reader and newsroom pages
need, not the libraries only bulk work and the task worker use (numpy, SciPy and
datasketch for «شاهد أيضاً», feedparser for the wire desk), which would add ~55 MB to
every worker."""

from tests.operators.test_a_bad_setting_stops_sahafa_at_start import run_python

TASK_WORKER_ONLY = ("numpy", "scipy", "datasketch", "feedparser")


def test_a_web_worker_leaves_the_analysis_and_feed_libraries_to_the_task_worker(tmp_path):
    # The WSGI application, then what its first request loads: every URL's views and the
    # template tags of the article page.
    code = (
        "import sys, sahafa.wsgi, sahafa.urls, sahafa.related.templatetags.related; "
        f"print(' '.join(name for name in {TASK_WORKER_ONLY!r} if name in sys.modules))"
    )

    loaded = run_python(code, {"SECRET_KEY": "tests-only-not-secret"}, tmp_path)

    assert loaded.split() == []


def test_a_web_worker_keeps_what_it_loaded_out_of_the_garbage_collectors_walks(tmp_path):
    # A full collection walks every tracked object: with the site loaded, ~100 ms of one
    # reader's request now and then, unless what lives as long as the worker is frozen.
    code = "import gc, sahafa.wsgi; print(gc.get_freeze_count())"

    frozen = run_python(code, {"SECRET_KEY": "tests-only-not-secret"}, tmp_path)

    assert int(frozen) > 50_000
