"""Test settings: the real settings module, pointed at a throwaway place.

`SAHAFA_TEST_BACKEND=production` runs the suite on PostgreSQL and Redis from
SAHAFA_TEST_DATABASE_URL and SAHAFA_TEST_CACHE_URL; otherwise SQLite and local memory.
"""

import os
import tempfile

PRODUCTION_BACKENDS = os.environ.get("SAHAFA_TEST_BACKEND") == "production"

os.environ["SAHAFA_VAR_DIR"] = tempfile.mkdtemp(prefix="sahafa-test-")
os.environ["SECRET_KEY"] = "tests-only-not-secret"
# A zone with daylight saving time and a date line far from UTC midnight.
os.environ["TIME_ZONE"] = "Africa/Cairo"
# Tasks run where they are enqueued, right after the commit that announced the change;
# tests/background/ runs the database and RQ backends with real worker processes.
os.environ["SAHAFA_TASKS"] = "immediate"
# Browser tests load the library's images from the live server, as the demo does.
os.environ["SAHAFA_SERVE_MEDIA"] = "true"
if PRODUCTION_BACKENDS:
    os.environ["DATABASE_URL"] = os.environ.get(
        "SAHAFA_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test"
    )
    os.environ["CACHE_URL"] = os.environ.get("SAHAFA_TEST_CACHE_URL", "redis://127.0.0.1:6379/1")
else:
    os.environ["DATABASE_URL"] = "sqlite:///" + os.path.join(
        os.environ["SAHAFA_VAR_DIR"], "test.sqlite3"
    )
    os.environ["CACHE_URL"] = "locmem://"

# Push alerts need a VAPID key pair; the demo makes one under var/, the tests one per run.
from sahafa.push.keys import new_private_key  # noqa: E402

os.environ["SAHAFA_VAPID_PRIVATE_KEY"] = new_private_key()

from sahafa.settings import *  # noqa: E402, F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise warns when it is missing
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# A file, not memory: task workers in other processes (tests/background) open it too.
TEST_DATABASE = os.path.join(os.environ["SAHAFA_VAR_DIR"], "test-db.sqlite3")
DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE}  # noqa: F405
