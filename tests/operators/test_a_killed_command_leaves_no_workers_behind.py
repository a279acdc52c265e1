"""An operator who kills `sahafa reindex` or `sahafa related --rebuild` — even with
kill -9, or by killing the shell that ran it — finds no analysis workers left running
(each holds about 125 MB)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# More than one search batch (500) and enough for the related engine to use its pool (2000).
ARTICLES = 2100
WAIT_SECONDS = 30

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pools need two cores"),
]

FILL_THE_ARCHIVE = f"""
from django.utils import timezone
from sahafa.articles.models import Article, Section

section = Section.objects.create(name="أخبار", slug="news")
Article.objects.bulk_create(
    Article(
        headline=f"خبر رقم {{n}} عن الاقتصاد والسياسة في المنطقة",
        slug=f"story-{{n}}",
        body="<p>" + " ".join(f"كلمة{{n % 97}} جملة{{k}} تقرير" for k in range(60)) + "</p>",
        section=section,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    for n in range({ARTICLES})
)
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A newspaper database of its own, as an operator's would be, filled outside any test
    transaction so the commands see it."""
    var = tmp_path_factory.mktemp("archive")
    env = {
        "PATH": os.environ["PATH"],
        "SAHAFA_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'news.sqlite3'}",
        "SECRET_KEY": "tests-only-not-secret",
        "SAHAFA_TASKS": "immediate",
        "CACHE_URL": "locmem://",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate", "-v0"], ["shell", "-c", FILL_THE_ARCHIVE]):
        subprocess.run([sys.executable, "-m", "sahafa", *command], env=env, cwd=REPO, check=True)
    return env


def processes():
    """{pid: (parent pid, process group, state)} of every process."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone while we looked
        found[int(stat.parent.name)] = (int(fields[1]), int(fields[2]), fields[0])
    return found


def children_of(pid):
    return [child for child, (parent, _, _) in processes().items() if parent == pid]


def alive_in_group(group):
    """The processes of `group` still running; a zombie has died, only its status is left."""
    return [pid for pid, (_, pgid, state) in processes().items() if pgid == group and state != "Z"]


def wait_for(condition):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.01)
    return condition()


@pytest.mark.parametrize(
    "command", [["reindex"], ["related", "--rebuild"]], ids=["reindex", "related"]
)
def test_killing_the_command_kills_its_workers(archive, command):
    parent = subprocess.Popen(
        [sys.executable, "-m", "sahafa", *command, "-v0"],
        env=archive,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # Its own process group, which its workers inherit: after the kill, whatever is
        # left in the group is a worker that outlived its parent.
        start_new_session=True,
    )
    try:
        assert wait_for(lambda: children_of(parent.pid)), "no analysis workers started"

        parent.send_signal(signal.SIGKILL)
        parent.wait()

        wait_for(lambda: not alive_in_group(parent.pid))
        assert alive_in_group(parent.pid) == []
    finally:
        parent.kill()
        parent.wait()
        for pid in alive_in_group(parent.pid):
            os.kill(pid, signal.SIGKILL)
