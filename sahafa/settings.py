"""The one settings module. Everything is read from environment variables;
the defaults run the embedded SQLite demo under ./var/ with no configuration.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SAHAFA_VAR_DIR", Path.cwd() / "var")).resolve()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def demo_secret_key():
    """A random key generated once and kept under var/, so demo sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def database_from_url(url):
    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets readers proceed while one writer commits; IMMEDIATE takes the
            # write lock up front so concurrent writers wait instead of failing.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        config["CONN_HEALTH_CHECKS"] = True
        # Reader queries are short: compiling their plans (JIT) cost 716 ms of an 807 ms
        # «شاهد أيضاً» query at archive scale, whatever the server's own setting.
        config["OPTIONS"] = {"options": "-c jit=off"}
    return config


def cache_from_url(url):
    parts = urlsplit(url)
    if parts.scheme in {"redis", "rediss"}:
        options = parse_qs(parts.query)
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url.split("?")[0],
            "KEY_PREFIX": options.get("prefix", ["sahafa"])[0],
            "TIMEOUT": 300,
        }
    if parts.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if parts.scheme == "file":
        # Shared by every process on the machine, unlike local memory: what one worker
        # forgets (a moderated thread, a purged page), the others forget too.
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": parts.path,
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sahafa"}


def tasks_from_env(name, cache_url):
    """TASKS for Django's tasks framework (the django-tasks backport), from `name`:
    `database` (the default: a table in DATABASE_URL, worked by `sahafa serve`'s worker),
    `rq` (Redis queues at SAHAFA_TASKS_REDIS_URL, else CACHE_URL; workers: `sahafa
    rqworker --with-scheduler`), or `immediate` (run in the process that enqueues)."""
    kind = os.environ.get(name, "database").strip().lower()
    backends = {
        "database": "django_tasks_db.DatabaseBackend",
        "rq": "django_tasks_rq.RQBackend",
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    }
    if kind not in backends:
        raise ImproperlyConfigured(f"{name}={kind!r}: expected one of {', '.join(backends)}.")
    redis_url = os.environ.get("SAHAFA_TASKS_REDIS_URL") or cache_url
    if kind == "rq" and urlsplit(redis_url).scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(
            f"{name}=rq needs Redis: set SAHAFA_TASKS_REDIS_URL (or CACHE_URL) to redis://…"
        )
    return {"default": {"BACKEND": backends[kind]}}, {"default": {"URL": redis_url}}


DEBUG = env_bool("DEBUG", False)
# The demo (no DATABASE_URL) may generate its own secret key; production must set one.
DEMO = env_bool("SAHAFA_DEMO", "DATABASE_URL" not in os.environ)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO):
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off outside the demo.")
    SECRET_KEY = demo_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

SAHAFA_SITE_NAME = os.environ.get("SAHAFA_SITE_NAME", "صحافة")
SAHAFA_BASE_URL = os.environ.get("SAHAFA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# "latn" (0-9) or "arab" (٠-٩) digits in dates shown to readers.
SAHAFA_DIGITS = os.environ.get("SAHAFA_DIGITS", "latn")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.redirects",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "sahafa.articles",
    "sahafa.newsroom",
    "sahafa.search",
    "sahafa.related",
    "sahafa.comments",
    "sahafa.feeds",
    "sahafa.imports",
    "sahafa.wordpress",
    "sahafa.export",
    "sahafa.background",
    "sahafa.pagecache",
    "sahafa.demo",
]

MIDDLEWARE = [
    # Outermost: stores pages with every header the others add (sahafa/pagecache).
    "sahafa.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before any URL pattern: a moved site's old addresses (sahafa/wordpress).
    "sahafa.wordpress.middleware.OldUrlRedirectMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "sahafa.articles.surrogate.SurrogateKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "sahafa.urls"
WSGI_APPLICATION = "sahafa.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sahafa.articles.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sahafa.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", f"file://{VAR_DIR / 'cache'}"))}
# Seconds a cached page stays fresh (0: no page cache); purged at once when what it shows
# changes. SAHAFA_PURGE_URL: where purges by surrogate key go (a CDN or Varnish).
SAHAFA_PAGE_CACHE_SECONDS = int(os.environ.get("SAHAFA_PAGE_CACHE_SECONDS", "60"))
SAHAFA_PURGE_URL = os.environ.get("SAHAFA_PURGE_URL", "")
SAHAFA_PURGE_METHOD = os.environ.get("SAHAFA_PURGE_METHOD", "PURGE")
SAHAFA_PURGE_TOKEN = os.environ.get("SAHAFA_PURGE_TOKEN", "")
TASKS, RQ_QUEUES = tasks_from_env("SAHAFA_TASKS", os.environ.get("CACHE_URL", ""))
# django_rq's admin dashboard only where RQ runs the tasks: elsewhere there is no Redis
# queue behind it and every one of its pages fails with a 500.
RQ_SHOW_ADMIN_LINK = TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Riyadh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if SAHAFA_BASE_URL.startswith("https://"):
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@sahafa.local")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
