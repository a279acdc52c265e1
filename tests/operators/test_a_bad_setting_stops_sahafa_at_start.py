"""An operator mistypes an environment variable. Sahafa refuses to start — `sahafa check`,
`migrate` and `serve` alike — and says which variable, what it holds and what is allowed,
instead of starting and failing later on every page with a date or every comment post."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks

REPO = Path(__file__).resolve().parents[2]


def sahafa(*args, env, tmp_path):
    return subprocess.run(
        [sys.executable, "-m", "sahafa", *args],
        env={"PATH": os.environ["PATH"], "SAHAFA_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def run_python(code, env, tmp_path):
    """What `code` prints in a fresh process with the site's settings from `env` alone."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            "PATH": os.environ["PATH"],
            "SAHAFA_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "sahafa.settings",
            **env,
        },
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def settings_of(env, tmp_path, *names):
    code = f"from django.conf import settings; print(*[getattr(settings, n) for n in {names!r}])"
    return run_python(code, env, tmp_path).split()


BAD_VALUES = [
    # (variable, value, what the message says is allowed)
    ("SAHAFA_DIGITS", "arabic", "expected one of latn, arab"),
    ("SAHAFA_COMMENTS_RATE_PER_IP", "10", "N/S"),
    ("SAHAFA_COMMENTS_RATE_PER_IP", "ten/600", "N/S"),
    ("SAHAFA_COMMENTS_RATE_PER_EMAIL", "0/600", "N/S"),
    ("SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN", "perhaps", "1, true, yes, on, 0, false, no, off"),
    ("DEBUG", "maybe", "1, true, yes, on, 0, false, no, off"),
    ("SAHAFA_PAGE_CACHE_SECONDS", "-1", "whole number from 0 to 86400"),
    ("SAHAFA_PAGE_CACHE_SECONDS", "a minute", "whole number from 0 to 86400"),
    ("SAHAFA_SEARCH_CACHE_SECONDS", "86400", "whole number from 0 to 3600"),
    ("SAHAFA_BASE_URL", "news.example.org", "http:// or https://"),
    ("SAHAFA_BASE_URL", "https://news.example.org/ar", "no path"),
    ("SAHAFA_PURGE_URL", "varnish:6081/purge", "http:// or https://"),
    ("SAHAFA_TASKS", "celery", "expected one of database, rq, immediate"),
    ("CACHE_URL", "memcached://cache:11211", "redis://"),
    ("DATABASE_URL", "mysql://db/news", "postgres://"),
    ("TIME_ZONE", "Mars/Olympus", "time zone name"),
    ("SAHAFA_COMMENTS_MAX_DEPTH", "0", "from 1 to 10"),
    ("AXES_FAILURE_LIMIT", "none", "whole number from 1 to 100"),
    ("SECURE_HSTS_SECONDS", "-5", "0 or more"),
    ("SAHAFA_VAPID_PRIVATE_KEY", "not-a-key", "32 bytes in base64url"),
    ("SAHAFA_VAPID_SUBJECT", "newsroom@example.org", "mailto:"),
    ("SAHAFA_PUSH_SERVICES", "fcm.googleapis.com", "https://fcm.googleapis.com"),
    ("SAHAFA_NEWSLETTER_RATE_PER_IP", "5", "N/S"),
    ("SAHAFA_DIGEST_TIME", "7am", "HH:MM"),
]


@pytest.mark.parametrize(("name", "value", "allowed"), BAD_VALUES)
def test_sahafa_check_refuses_a_bad_value_naming_it(name, value, allowed, tmp_path):
    result = sahafa("check", env={name: value}, tmp_path=tmp_path)

    assert result.returncode == 2
    assert f"{name}={value!r}" in result.stderr
    assert allowed in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [("migrate",), ("serve", "--port", "0")])
def test_migrate_and_serve_stop_before_doing_anything(command, tmp_path):
    result = sahafa(*command, env={"SAHAFA_DIGITS": "arabic"}, tmp_path=tmp_path)

    assert result.returncode == 2
    assert "SAHAFA_DIGITS='arabic'" in result.stderr
    assert not (tmp_path / "sahafa.sqlite3").exists()


def test_every_bad_value_is_reported_at_once(tmp_path):
    result = sahafa(
        "check",
        env={"SAHAFA_DIGITS": "arabic", "SAHAFA_COMMENTS_RATE_PER_IP": "lots", "DEBUG": "sure"},
        tmp_path=tmp_path,
    )

    assert result.returncode == 2
    for name in ("SAHAFA_DIGITS", "SAHAFA_COMMENTS_RATE_PER_IP", "DEBUG"):
        assert name in result.stderr


def test_rq_tasks_without_redis_are_refused(tmp_path):
    result = sahafa(
        "check", env={"SAHAFA_TASKS": "rq", "CACHE_URL": "file:///tmp/cache"}, tmp_path=tmp_path
    )

    assert result.returncode == 2
    assert "SAHAFA_TASKS=rq needs Redis" in result.stderr


@pytest.mark.parametrize(
    ("spelling", "meaning"),
    [
        ("yes", "True"), ("no", "False"), ("true", "True"), ("false", "False"),
        ("1", "True"), ("0", "False"), ("on", "True"), ("off", "False"),
        ("YES", "True"), ("Off", "False"),
    ],
)  # fmt: skip
def test_a_flag_means_the_same_in_every_variable(spelling, meaning, tmp_path):
    """The defect: SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN=yes was False while DEBUG=yes was True."""
    flags = ("DEBUG", "SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN", "SECURE_SSL_REDIRECT")
    values = settings_of({flag: spelling for flag in flags}, tmp_path, *flags)

    assert values == [meaning] * len(flags)


def test_an_https_address_turns_on_hsts_and_the_redirect_each_switchable(tmp_path):
    names = ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE")
    https = {"SAHAFA_BASE_URL": "https://news.example.org"}

    assert settings_of({}, tmp_path, *names) == ["False", "0", "False"]
    assert settings_of(https, tmp_path, *names) == ["True", "31536000", "True"]
    switched_off = {**https, "SECURE_SSL_REDIRECT": "off", "SECURE_HSTS_SECONDS": "0"}
    assert settings_of(switched_off, tmp_path, *names) == ["False", "0", "True"]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    production = {
        "DEBUG": "off",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'news.sqlite3'}",
        "CACHE_URL": f"file://{tmp_path / 'cache'}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SAHAFA_BASE_URL": "https://news.example.org",
        "ALLOWED_HOSTS": "news.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
    }

    result = sahafa(
        "check", "--deploy", "--fail-level", "WARNING", env=production, tmp_path=tmp_path
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("SAHAFA_BASE_URL", "news.example.org", "sahafa.E001"),
        ("SAHAFA_DIGITS", "arabic", "sahafa.E002"),
        ("SAHAFA_COMMENTS_RATE_PER_IP", "10/600", "sahafa.E003"),
        ("SAHAFA_PAGE_CACHE_SECONDS", "60", "sahafa.E004"),
        ("SAHAFA_SEARCH_CACHE_SECONDS", "60", "sahafa.E010"),
        ("SAHAFA_SEARCH_CACHE_SECONDS", 86400, "sahafa.E010"),
        ("SAHAFA_SEARCH_CACHE_SECONDS", -1, "sahafa.E010"),
        ("SAHAFA_PURGE_URL", "varnish:6081", "sahafa.E005"),
        ("SAHAFA_NEWSLETTER_RATE_PER_EMAIL", "3/86400", "sahafa.E003"),
        ("SAHAFA_VAPID_PRIVATE_KEY", "c2hvcnQ", "sahafa.E008"),
        ("SAHAFA_PUSH_SERVICES", ["fcm.googleapis.com"], "sahafa.E009"),
    ],
)
def test_system_checks_refuse_bad_values_set_in_python(name, value, code, settings):
    """A settings module of one's own bypasses the environment: the system checks that
    run before every command refuse the same values."""
    setattr(settings, name, value)

    errors = [error for error in checks.run_checks() if error.id == code]

    assert errors, f"no {code} for {name}={value!r}"
    assert f"{name}={value!r}" in errors[0].msg


def test_rq_tasks_on_a_non_redis_queue_fail_the_checks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": "file:///tmp/queue"}}

    # Only Sahafa's own checks: django-tasks-rq's would try to reach the queue.
    from sahafa.checks import check_sahafa_settings

    assert "sahafa.E006" in [error.id for error in check_sahafa_settings()]


def test_comments_never_close_when_the_variable_is_set_empty(tmp_path):
    never = settings_of(
        {"SAHAFA_COMMENTS_CLOSE_AFTER_DAYS": ""}, tmp_path, "SAHAFA_COMMENTS_CLOSE_AFTER_DAYS"
    )
    default = settings_of({}, tmp_path, "SAHAFA_COMMENTS_CLOSE_AFTER_DAYS")

    assert (never, default) == (["None"], ["30"])
