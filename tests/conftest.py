import os

import pytest
from django.core.cache import cache

from sahafa.newsroom import roles

from .factories import make_user


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
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


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
