"""Each process serves the pages it remembers while the purge stamp is unchanged, and
reads that stamp the cheapest way its cache allows (a file's size, a waiting pub/sub
message). Whatever the way, every purge, made in any process, changes the stamp every
process reads next."""

import os
import subprocess
import sys

import pytest
import redis

from sahafa.pagecache import store
from tests.operators.test_a_bad_setting_stops_sahafa_at_start import run_python

ON_REDIS = os.environ.get("CACHE_URL", "").startswith("redis://")
needs_redis = pytest.mark.skipif(
    not ON_REDIS, reason="Redis is the cache of the production run (make test runs both)"
)


def purge_in_another_process(cache_url, tmp_path):
    run_python(
        "import django; django.setup(); from sahafa.pagecache import store; "
        "store.purge(['article-1'])",
        {"CACHE_URL": cache_url, "SECRET_KEY": "tests-only-not-secret"},
        tmp_path,
    )


def test_a_purge_in_another_process_changes_the_stamp_read_next(shared_cache, tmp_path):
    seen = [store.purge_stamp()]
    for _ in range(3):
        purge_in_another_process(shared_cache, tmp_path)
        seen.append(store.purge_stamp())
    assert len(set(seen)) == 4


def test_every_purge_changes_the_file_stamp_even_at_once(file_cache):
    location = file_cache
    seen = []
    for _ in range(30):  # far quicker than a file system's timestamps change
        store.purge(["home"])
        seen.append(store.purge_stamp())
    assert len(set(seen)) == 30
    # Two processes purging at the same moment: each purge counts.
    before = (location / "pagecache-purges").stat().st_size
    code = (
        "import django; django.setup(); from sahafa.pagecache import stamps\n"
        "for _ in range(3000): stamps.current().advance(None)"
    )
    env = {
        **os.environ,
        "CACHE_URL": f"file://{location}",
        "DJANGO_SETTINGS_MODULE": "sahafa.settings",
    }
    purgers = [subprocess.Popen([sys.executable, "-c", code], env=env) for _ in range(2)]
    assert [purger.wait(timeout=60) for purger in purgers] == [0, 0]
    assert (location / "pagecache-purges").stat().st_size == before + 6000


@needs_redis
def test_a_process_that_lost_its_subscription_still_sees_every_purge(tmp_path):
    before = store.purge_stamp()  # subscribed
    # The server drops every subscriber (a restart, a network cut, an operator's kill).
    server = redis.Redis.from_url(os.environ["CACHE_URL"])
    assert server.client_kill_filter(_type="pubsub") >= 1
    purge_in_another_process(os.environ["CACHE_URL"], tmp_path)
    after = store.purge_stamp()
    assert after != before
    purge_in_another_process(os.environ["CACHE_URL"], tmp_path)
    assert store.purge_stamp() != after
