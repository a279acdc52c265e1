import logging
import os
import time

import hypothesis
import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from sahafa.newsroom import roles
from sahafa.pagecache import stamps

from .factories import make_user

# No timed assertions, hypothesis's included: its default 200 ms deadline per example fails
# a property test whenever the machine is busy (CI, parallel jobs), not when code is wrong.
hypothesis.settings.register_profile("sahafa", deadline=None)
hypothesis.settings.load_profile("sahafa")


def pytest_report_header(config):
    from django.conf import settings

    return (
        f"sahafa: database {settings.DATABASES['default']['ENGINE']}, "
        f"cache {settings.CACHES['default']['BACKEND']}, TIME_ZONE {settings.TIME_ZONE}"
    )


def pytest_sessionstart(session):
    """On the production backends, an unreachable PostgreSQL or Redis ends the run: with
    a failure in CI (CI=true), with a clear skip message elsewhere."""
    from tests.settings import PRODUCTION_BACKENDS

    if not PRODUCTION_BACKENDS:
        return
    problems = []
    try:
        import psycopg

        # The maintenance database: the test database itself is created later by Django.
        psycopg.connect(os.environ["DATABASE_URL"], dbname="postgres", connect_timeout=5).close()
    except Exception as error:
        problems.append(f"PostgreSQL at {os.environ['DATABASE_URL']}: {error}")
    try:
        import redis

        redis.Redis.from_url(os.environ["CACHE_URL"], socket_timeout=5).ping()
    except Exception as error:
        problems.append(f"Redis at {os.environ['CACHE_URL']}: {error}")
    if problems:
        message = "production backends unreachable: " + "; ".join(problems)
        if os.environ.get("CI") == "true":
            pytest.exit(message, returncode=1)
        pytest.exit("SKIPPED " + message, returncode=0)


@pytest.fixture(autouse=True)
def commits_like_production(monkeypatch):
    """Django runs each test inside a transaction that never commits, so on-commit hooks
    (announcements, tasks, cache invalidation) would never run. Here a transaction that the
    code under test opens and closes counts as committed when it ends, and a hook
    registered outside any such transaction runs at once — as in production."""

    def test_level(connection):
        return all(block._from_testcase for block in connection.atomic_blocks)

    def run_hooks(connection):
        while connection.run_on_commit:
            _savepoints, hook, robust = connection.run_on_commit.pop(0)
            if robust:
                try:
                    hook()
                except Exception:
                    logging.getLogger("tests").exception("on-commit hook failed")
            else:
                hook()

    original_exit = transaction.Atomic.__exit__

    def atomic_exit(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if (
            exc_type is None
            and not self._from_testcase
            and connection.in_atomic_block
            and test_level(connection)
        ):
            run_hooks(connection)
        return result

    original_on_commit = BaseDatabaseWrapper.on_commit

    def on_commit(self, func, robust=False):
        original_on_commit(self, func, robust)
        if self.in_atomic_block and test_level(self):
            run_hooks(self)

    monkeypatch.setattr(transaction.Atomic, "__exit__", atomic_exit)
    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()
    # The story's rows are rolled back with no announcement: a new purge stamp, so that
    # nothing kept between renders under the story's (a Redis stamp is remembered by the
    # process until a purge says otherwise) is reused by the next story.
    stamps.current().advance(time.time_ns())


@pytest.fixture
def processes(tmp_path, newsroom_roles_kept):
    """Real server processes (tests/servers.py), all stopped when the story ends."""
    from tests.servers import Processes

    started = Processes(tmp_path)
    yield started
    started.stop()


@pytest.fixture
def file_cache(settings, tmp_path):
    """The demo's cache, shared by a machine's processes: its folder."""
    location = tmp_path / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "sahafa.filecache.FileCache",
            "LOCATION": str(location),
        }
    }
    return location


@pytest.fixture
def shared_cache(request):
    """A cache several processes share, as CACHE_URL: Redis in the production run, the
    demo's file cache otherwise (the test process uses it too)."""
    if os.environ.get("CACHE_URL", "").startswith("redis://"):
        return os.environ["CACHE_URL"]
    return f"file://{request.getfixturevalue('file_cache')}"


@pytest.fixture
def announced():
    """Every change announced during the story (`articles_changed`), as (reason, article id)
    pairs in the order sent; plain "edited" saves are left out."""
    from sahafa.articles.signals import articles_changed

    received = []

    def receiver(sender, ids, reasons, **kwargs):
        received.extend(
            (reason, article_id)
            for reason in sorted(reasons - {"edited"})
            for article_id in sorted(ids)
        )

    articles_changed.connect(receiver)
    yield received
    articles_changed.disconnect(receiver)


@pytest.fixture
def reader(client):
    """An anonymous visitor."""
    return client


def _logged_in(client_class, user):
    client = client_class()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def writer(db, django_user_model):
    from django.test import Client

    return _logged_in(Client, make_user("writer", roles.WRITER))


@pytest.fixture
def editor(db):
    from django.test import Client

    return _logged_in(Client, make_user("editor", roles.EDITOR))


@pytest.fixture
def moderator(db):
    from django.test import Client

    return _logged_in(Client, make_user("moderator", roles.COMMENT_MODERATOR))


def _restore_roles(roles):
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    for name, permissions in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename, label in permissions:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": label}
            )
            group.permissions.add(permission)


@pytest.fixture(scope="session")
def newsroom_roles(django_db_setup, django_db_blocker):
    """The groups the data migrations made, with their permissions, as first migrated."""
    from django.contrib.auth.models import Group

    with django_db_blocker.unblock():
        return {
            group.name: [
                (p.content_type.app_label, p.content_type.model, p.codename, p.name)
                for p in group.permissions.select_related("content_type")
            ]
            for group in Group.objects.all()
        }


@pytest.fixture
def newsroom_roles_kept(newsroom_roles, django_db_blocker):
    """A transactional or live_server test ends by emptying every table; Django then
    re-creates content types and model permissions, but not the groups the data migrations
    made. A test using this starts and ends with those roles in place. (serialized_rollback
    cannot do it: under Playwright the test sees another connection object than the one
    the serialized data was stored on.)"""
    with django_db_blocker.unblock():
        _restore_roles(newsroom_roles)
    yield
    with django_db_blocker.unblock():
        _restore_roles(newsroom_roles)
