"""`kill -9` in the middle of a real import process leaves whole articles only and no
scratch file, and running the same command again gives the same end state as an import
that was never interrupted."""

import os
import signal
import subprocess
import sys
import time

import pytest

from bench.import_wordpress import write_export
from sahafa.articles.models import Article, ArticleLogEntry, Byline
from sahafa.comments.models import Comment
from sahafa.search.models import SearchEntry
from sahafa.wordpress.models import OldUrl
from tests.servers import database_url

pytestmark = pytest.mark.django_db(transaction=True)

POSTS = 400
WAIT_SECONDS = 120


def test_kill_9_then_the_same_command_finishes_the_import(tmp_path, newsroom_roles_kept):
    export = write_export(tmp_path / "export.xml", POSTS)
    # The import's own temporary folder, to see what a killed run leaves there.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SAHAFA_VAR_DIR": str(tmp_path / "var"),
        "SAHAFA_TASKS": "immediate",
        "TMPDIR": str(scratch),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-m", "sahafa", "import-wordpress", str(export)]
    process = subprocess.Popen(
        [*command, "--batch-size", "10", "--no-progress"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not Article.objects.exists() and process.poll() is None:
            assert time.monotonic() < deadline, "no batch committed"
            time.sleep(0.02)
        assert process.poll() is None, "the import ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert list(scratch.iterdir()) == []
    interrupted = Article.objects.count()
    assert 0 < interrupted < POSTS
    # Whole articles only: each with its byline, history line, two comments and addresses.
    assert Byline.objects.count() == ArticleLogEntry.objects.count() == interrupted
    assert Comment.objects.count() == 2 * interrupted
    assert OldUrl.objects.filter(article__isnull=False).count() == 3 * interrupted

    again = subprocess.run(
        [*command, "--no-progress"], env=env, capture_output=True, text=True, check=True
    )

    assert f"استُورد: {POSTS - interrupted}، حُدّث: 0، بلا تغيير: {interrupted}" in again.stdout
    assert list(scratch.iterdir()) == []
    assert Article.objects.published().count() == POSTS
    assert Comment.objects.count() == 2 * POSTS
    assert Comment.objects.filter(parent__isnull=False).count() == POSTS
    assert SearchEntry.objects.count() == POSTS  # the killed run's articles included
