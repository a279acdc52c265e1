"""An operator configures Sahafa with environment variables only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sahafa.settings import cache_from_url, database_from_url

REPO = Path(__file__).resolve().parents[2]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path / 'news.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_sqlite_connections_stay_open_between_requests_like_postgres_ones(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path / 'news.sqlite3'}", conn_max_age=60)
    assert config["CONN_MAX_AGE"] == 60


def test_postgres_url_uses_psycopg_with_health_checks():
    config = database_from_url("postgres://sahafa:secret@db.internal:5432/news")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5432, "news")
    assert config["CONN_HEALTH_CHECKS"] is True


def test_cache_url_picks_redis_or_local_memory():
    redis = cache_from_url("redis://cache:6379/0?prefix=news")
    assert redis["BACKEND"] == "sahafa.rediscache.RedisCache"
    assert redis["LOCATION"] == "redis://cache:6379/0"
    assert redis["KEY_PREFIX"] == "news"
    assert cache_from_url("locmem://")["BACKEND"].endswith("LocMemCache")


def _settings_in_subprocess(env, code="from django.conf import settings; settings.SECRET_KEY"):
    return subprocess.run(
        [sys.executable, "-c", f"import django; {code}"],
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "sahafa.settings", **env},
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _settings_in_subprocess(
        {"DATABASE_URL": "postgres://x@127.0.0.1/x", "SAHAFA_VAR_DIR": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_demo_generates_its_secret_key_once_and_keeps_it(tmp_path):
    env = {"SAHAFA_VAR_DIR": str(tmp_path)}
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = _settings_in_subprocess(env, code)
    second = _settings_in_subprocess(env, code)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("spelling", ["remove-stale-contenttypes", "remove_stale_contenttypes"])
def test_sahafa_command_accepts_hyphenated_names(spelling, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sahafa", spelling, "--help"],
        env={**os.environ, "SAHAFA_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: sahafa remove_stale_contenttypes" in result.stdout
