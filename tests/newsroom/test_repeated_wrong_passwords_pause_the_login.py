"""Someone guesses at a journalist's password on the newsroom's sign-in page: after a few
wrong tries that username, from that address, is paused — on every server process, since
the failures are counted in the database — and the page says so in Arabic."""

import io
import os
import subprocess
import sys

from django.conf import settings
from django.test import Client

from sahafa.newsroom import roles
from tests.factories import make_user

LOGIN = "/admin/login/?next=/admin/"
PAUSED = "تم إيقاف تسجيل الدخول مؤقتاً"


def _try(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_guesser_is_paused_with_an_arabic_page_in_the_newsroom(db):
    make_user("huda", roles.EDITOR)
    guesser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _try(guesser, "huda", "123456")
        assert response.status_code == 200  # the login form again, with its error

    response = _try(guesser, "huda", "123456")

    assert response.status_code == 429
    page = response.content.decode()
    assert PAUSED in page
    assert 'lang="ar"' in page and 'dir="rtl"' in page
    assert "غرفة الأخبار" in page  # the newsroom's own header, not a bare message
    assert "Account locked" not in page


def test_the_right_password_is_refused_too_while_paused(db):
    make_user("huda", roles.EDITOR)
    guesser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(guesser, "huda", "qwerty")

    response = _try(Client(), "huda", "correct horse battery")

    assert response.status_code == 429
    assert "_auth_user_id" not in Client().session


def test_the_pause_holds_only_for_that_username_from_that_address(db):
    make_user("huda", roles.EDITOR)
    make_user("omar", roles.WRITER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(Client(), "huda", "qwerty")

    omar = _try(Client(), "omar", "correct horse battery")
    huda_elsewhere = _try(Client(), "huda", "correct horse battery", address="198.51.100.9")

    assert omar.status_code == 302
    assert huda_elsewhere.status_code == 302


def test_a_successful_login_forgets_earlier_mistakes(db):
    make_user("huda", roles.EDITOR)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(Client(), "huda", "qwerty")
    assert _try(Client(), "huda", "correct horse battery").status_code == 302

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(Client(), "huda", "qwerty")

    assert _try(Client(), "huda", "correct horse battery").status_code == 302


def test_the_pause_is_seen_by_another_server_process(transactional_db, newsroom_roles_kept):
    """The failures are rows in the database: a second process, sharing nothing else with
    the one that counted them, refuses the paused login too."""
    make_user("huda", roles.EDITOR)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(Client(), "huda", "qwerty")

    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().post('/admin/login/', {'username': 'huda',"
        " 'password': 'correct horse battery'}, REMOTE_ADDR='203.0.113.7')\n"
        "print(response.status_code)\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        env=_same_database_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == "429"


def _same_database_env():
    """Another process of the site, on the test database and nothing else in common."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        url = f"sqlite:///{name}"
    else:
        url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "sahafa.settings",
        "SAHAFA_VAR_DIR": os.environ["SAHAFA_VAR_DIR"],
        "DATABASE_URL": url,
        "CACHE_URL": "locmem://",
        "SECRET_KEY": "tests-only-not-secret",
        "SAHAFA_TASKS": "immediate",
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "on",  # plain static file names: this process collects no manifest
    }


def test_an_operator_lifts_the_pause_with_a_command(db):
    from django.core.management import call_command

    make_user("huda", roles.EDITOR)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(Client(), "huda", "qwerty")

    call_command("axes_reset_username", "huda", stdout=io.StringIO())

    assert _try(Client(), "huda", "correct horse battery").status_code == 302
