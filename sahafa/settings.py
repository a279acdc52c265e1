"""The one settings module. Everything is read from environment variables, each through
one typed reader of sahafa/env.py (README, «Configuration»); a bad value stops the process
at start with the variable, the value and what is allowed. The defaults run the embedded
SQLite demo under ./var/ with no configuration.
"""

import os
import re
import secrets
import zoneinfo
from datetime import time, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from sahafa.env import Environment, Invalid
from sahafa.push import keys as vapid
from sahafa.push import services as push_services

env = Environment()

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env.text("SAHAFA_VAR_DIR", str(Path.cwd() / "var"))).resolve()

DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")
CACHE_SCHEMES = ("redis", "rediss", "file", "locmem", "dummy")
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
DIGITS = ("latn", "arab")
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


def demo_secret(name, make):
    """A secret generated once by `make()` and kept under var/ as `name`, so the demo's
    sessions (and readers' push subscriptions) survive restarts."""
    path = VAR_DIR / name
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


def demo_secret_key():
    return demo_secret("secret_key", lambda: secrets.token_urlsafe(50))


def database_from_url(url, conn_max_age=60):
    if urlsplit(url).scheme not in DATABASE_SCHEMES:
        raise Invalid("expected sqlite:///path or postgres://user:password@host:5432/name")
    config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Kept open between requests too: opening one (its pragmas, Django's functions) and
        # closing it (a WAL checkpoint when it is the last) cost 1-3 ms of a cold page.
        if config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
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
        if not parts.hostname:
            raise Invalid("expected redis://host:6379/0 with a host name")
        options = parse_qs(parts.query)
        return {
            "BACKEND": "sahafa.rediscache.RedisCache",
            "LOCATION": url.split("?")[0],
            "KEY_PREFIX": options.get("prefix", ["sahafa"])[0],
            "TIMEOUT": 300,
        }
    if parts.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if parts.scheme == "file":
        if not parts.path:
            raise Invalid("expected file:///absolute/path")
        # Shared by every process on the machine, unlike local memory: what one worker
        # forgets (a moderated thread, a purged page), the others forget too.
        return {
            "BACKEND": "sahafa.filecache.FileCache",
            "LOCATION": parts.path,
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sahafa"}
    raise Invalid(f"expected a URL starting with {' or '.join(s + '://' for s in CACHE_SCHEMES)}")


def tasks_config(kind, redis_url):
    """TASKS and RQ_QUEUES for Django's tasks framework (the django-tasks backport):
    `database` (the default: a table in DATABASE_URL, worked by `sahafa serve`'s worker),
    `rq` (Redis queues at SAHAFA_TASKS_REDIS_URL, else CACHE_URL; workers: `sahafa
    worker`), or `immediate` (run in the process that enqueues)."""
    return {"default": {"BACKEND": TASK_BACKENDS[kind]}}, {"default": {"URL": redis_url}}


def clock_time(text):
    """ "07:30" → time(7, 30)."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise Invalid("expected a time of day as HH:MM, e.g. 07:00")
    return time(int(match[1]), int(match[2]))


def time_zone(text):
    if text.strip() not in zoneinfo.available_timezones():
        raise Invalid("expected a time zone name such as Asia/Riyadh or UTC")
    return text.strip()


DEBUG = env.flag("DEBUG", False)
# The demo (no DATABASE_URL) may generate its own secret key; production must set one.
DEMO = env.flag("SAHAFA_DEMO", not env.is_set("DATABASE_URL"))

SECRET_KEY = env.text("SECRET_KEY")
if not SECRET_KEY:
    env.require(DEBUG or DEMO, "SECRET_KEY must be set when DEBUG is off outside the demo.")
    SECRET_KEY = demo_secret_key() if DEBUG or DEMO else ""

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

SAHAFA_SITE_NAME = env.text("SAHAFA_SITE_NAME", "صحافة")
SAHAFA_BASE_URL = env.url(
    "SAHAFA_BASE_URL", "http://127.0.0.1:8000", ("http", "https"), path=False
).rstrip("/")
HTTPS = SAHAFA_BASE_URL.startswith("https://")
# "latn" (0-9) or "arab" (٠-٩) digits in dates shown to readers.
SAHAFA_DIGITS = env.choice("SAHAFA_DIGITS", "latn", DIGITS)
# Hosts whose images an article body may show besides the site's own media (MEDIA_URL);
# the body sanitizer drops every other <img> (no tracking pixels).
SAHAFA_IMAGE_HOSTS = [host.lower() for host in env.list("SAHAFA_IMAGE_HOSTS", [])]

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
    # django-ninja's templates and static files: /api/docs is served from our own files.
    "ninja",
    "sahafa.articles",
    "sahafa.newsroom",
    "sahafa.revisions",
    "sahafa.live",
    "sahafa.search",
    "sahafa.related",
    "sahafa.comments",
    "sahafa.mostread",
    "sahafa.frontpage",
    "sahafa.editlocks",
    "sahafa.wire",
    "sahafa.media",
    "sahafa.feeds",
    "sahafa.imports",
    "sahafa.wordpress",
    "sahafa.export",
    "sahafa.background",
    "sahafa.pagecache",
    "sahafa.demo",
    "csp",
    "axes",
    "sahafa.api",
    "sahafa.push",
    "sahafa.newsletters",
]

MIDDLEWARE = [
    # First: every layer below sees the reader's address, not the proxy's.
    "sahafa.background.proxies.ForwardedClientMiddleware",
    # Outermost store: keeps pages with every header the others add (sahafa/pagecache).
    "sahafa.pagecache.middleware.PageCacheMiddleware",
    # /api/: CORS headers for every origin and JSON errors (stored with the page, so a
    # response from the page cache carries them too).
    "sahafa.api.middleware.ApiMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before any URL pattern: a moved site's old addresses (sahafa/wordpress).
    "sahafa.wordpress.middleware.OldUrlRedirectMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Inside GZip: the newsroom's allowance reads the page before it is compressed.
    "sahafa.newsroom.csp.NewsroomAwareCSPMiddleware",
    # Inside the policy: lets a page frame exactly the embeds a reader asked to load.
    "sahafa.media.csp.EmbedFramesMiddleware",
    "sahafa.articles.surrogate.SurrogateKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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

CONN_MAX_AGE = env.integer("CONN_MAX_AGE", 60, minimum=0)
DATABASES = {
    "default": env.read(
        "DATABASE_URL",
        None,
        database_from_url,
        conn_max_age=CONN_MAX_AGE,
    )
    or database_from_url(f"sqlite:///{VAR_DIR / 'sahafa.sqlite3'}", conn_max_age=CONN_MAX_AGE)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env.text("CACHE_URL", f"file://{VAR_DIR / 'cache'}")
CACHES = {
    "default": env.read("CACHE_URL", None, cache_from_url)
    or cache_from_url(f"file://{VAR_DIR / 'cache'}")
}
# Seconds a cached page stays fresh (0: no page cache); purged at once when what it shows
# changes. SAHAFA_PURGE_URL: where purges by surrogate key go (a CDN or Varnish).
SAHAFA_PAGE_CACHE_SECONDS = env.integer("SAHAFA_PAGE_CACHE_SECONDS", 60, minimum=0, maximum=86400)
# Seconds a search answer (ranked ids and count) is kept in the shared cache (0: never);
# forgotten at once when the search index changes (sahafa/search/answers.py).
SAHAFA_SEARCH_CACHE_SECONDS = env.integer(
    "SAHAFA_SEARCH_CACHE_SECONDS", 60, minimum=0, maximum=3600
)
SAHAFA_PURGE_URL = env.url("SAHAFA_PURGE_URL", "", ("http", "https"))
SAHAFA_PURGE_METHOD = env.choice(
    "SAHAFA_PURGE_METHOD", "purge", ("purge", "post", "put", "delete", "get")
).upper()
SAHAFA_PURGE_TOKEN = env.text("SAHAFA_PURGE_TOKEN")
SAHAFA_TASKS = env.choice("SAHAFA_TASKS", "database", tuple(TASK_BACKENDS))
SAHAFA_TASKS_REDIS_URL = env.text("SAHAFA_TASKS_REDIS_URL") or env.text("CACHE_URL")
env.require(
    SAHAFA_TASKS != "rq" or urlsplit(SAHAFA_TASKS_REDIS_URL).scheme in {"redis", "rediss"},
    f"SAHAFA_TASKS=rq needs Redis: SAHAFA_TASKS_REDIS_URL (or CACHE_URL) is "
    f"{SAHAFA_TASKS_REDIS_URL!r}, expected a URL starting with redis:// or rediss://.",
)
TASKS, RQ_QUEUES = tasks_config(SAHAFA_TASKS, SAHAFA_TASKS_REDIS_URL)
# The read API's limit for anonymous clients: at most N requests per S seconds per address,
# counted in the shared cache (docs/api.md).
SAHAFA_API_RATE = env.rate("SAHAFA_API_RATE", (300, 60))
# «الأكثر قراءة» (sahafa/mostread): a reader's views of one story within this many seconds
# count once; the lists are computed anew at most this often (seconds).
SAHAFA_MOST_READ_REPEAT_SECONDS = env.integer(
    "SAHAFA_MOST_READ_REPEAT_SECONDS", 1800, minimum=1, maximum=86400
)
SAHAFA_MOST_READ_REFRESH_SECONDS = env.integer(
    "SAHAFA_MOST_READ_REFRESH_SECONDS", 300, minimum=1, maximum=86400
)
# The wire desk (sahafa/wire): one agency feed fetch gives up after this many seconds in all,
# and refuses a document larger than this many bytes.
SAHAFA_WIRE_TIMEOUT_SECONDS = env.integer("SAHAFA_WIRE_TIMEOUT_SECONDS", 20, minimum=1, maximum=300)
SAHAFA_WIRE_MAX_BYTES = env.integer(
    "SAHAFA_WIRE_MAX_BYTES", 5_000_000, minimum=10_000, maximum=100_000_000
)
# Live coverage (sahafa/live): how often (seconds) an open live blog's page asks for new
# entries, and how long shared caches may keep that answer.
SAHAFA_LIVE_POLL_SECONDS = env.integer("SAHAFA_LIVE_POLL_SECONDS", 15, minimum=2, maximum=300)
# The media library (sahafa/media): the largest upload in MB, and in pixels (a picture
# above it is refused before it is decoded: a decompression bomb never reaches memory).
SAHAFA_MEDIA_MAX_UPLOAD_MB = env.integer("SAHAFA_MEDIA_MAX_UPLOAD_MB", 20, minimum=1, maximum=500)
SAHAFA_MEDIA_MAX_PIXELS = env.integer(
    "SAHAFA_MEDIA_MAX_PIXELS", 50_000_000, minimum=10_000, maximum=500_000_000
)
# Whether Django itself answers /media/ (the demo, tests); production puts nginx or a CDN
# in front (deploy/nginx/sahafa.conf).
SAHAFA_SERVE_MEDIA = env.flag("SAHAFA_SERVE_MEDIA", DEBUG or DEMO)
# django_rq's admin dashboard only where RQ runs the tasks: elsewhere there is no Redis
# queue behind it and every one of its pages fails with a 500.
RQ_SHOW_ADMIN_LINK = SAHAFA_TASKS == "rq"

# `sahafa serve`: its address and web worker processes.
SERVE_HOST = env.text("HOST", "127.0.0.1")
# Proxies whose X-Forwarded-For is believed (sahafa/background/proxies.py): the shipped nginx
# runs on the same machine.
SAHAFA_TRUSTED_PROXIES = frozenset(env.addresses("SAHAFA_TRUSTED_PROXIES", ["127.0.0.1", "::1"]))
SERVE_PORT = env.integer("PORT", 8000, minimum=1, maximum=65535)
SERVE_WORKERS = env.integer("WEB_CONCURRENCY", os.cpu_count() or 1, minimum=1)
# One line per request from granian: off by default, as in gunicorn, because the shipped
# nginx already logs every request and the line is Python work on every request, a large
# share of a cached page's or a view beacon's. `sahafa demo` turns it on for its console.
SERVE_ACCESS_LOG = env.flag("SAHAFA_ACCESS_LOG", False)
# The password of the demo's `admin` account (`sahafa demo`); generated when empty.
SAHAFA_ADMIN_PASSWORD = env.text("SAHAFA_ADMIN_PASSWORD")

# Readers' comments (README, «Comments»).
# New comments wait for a moderator, unless the same email already has an approved one.
SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN = env.flag("SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN", True)
# Days after publication when the form closes (empty: never), unless a section or article
# rule says else.
SAHAFA_COMMENTS_CLOSE_AFTER_DAYS = (
    None
    if env.environ.get("SAHAFA_COMMENTS_CLOSE_AFTER_DAYS", "30").strip() == ""
    else env.integer("SAHAFA_COMMENTS_CLOSE_AFTER_DAYS", 30, minimum=0)
)
# A person needs a few seconds to write anything; bots post at once.
SAHAFA_COMMENTS_MIN_FILL_SECONDS = env.number(
    "SAHAFA_COMMENTS_MIN_FILL_SECONDS", 3, minimum=0, maximum=3600
)
# A form older than this is refused as stale (the page must be reloaded).
SAHAFA_COMMENTS_FORM_MAX_AGE = env.integer("SAHAFA_COMMENTS_FORM_MAX_AGE", 86400, minimum=60)
SAHAFA_COMMENTS_RATE_PER_IP = env.rate("SAHAFA_COMMENTS_RATE_PER_IP", (10, 600))
SAHAFA_COMMENTS_RATE_PER_EMAIL = env.rate("SAHAFA_COMMENTS_RATE_PER_EMAIL", (5, 600))
# More links than this hold the comment for a moderator.
SAHAFA_COMMENTS_MAX_LINKS = env.integer("SAHAFA_COMMENTS_MAX_LINKS", 2, minimum=0)
# Words or phrases that mark a comment as spam (matched normalized), separated by the Latin
# comma or the Arabic one («،»); moderators add more in the admin.
SAHAFA_COMMENTS_BLOCKLIST = env.list("SAHAFA_COMMENTS_BLOCKLIST", [], separators=",،")
# Dotted path of an extra checker (Akismet-style); see sahafa/comments/spam.py.
SAHAFA_COMMENTS_EXTERNAL_CHECKER = env.text("SAHAFA_COMMENTS_EXTERNAL_CHECKER")
# At most one "comments are waiting" email per this many seconds.
SAHAFA_COMMENTS_NOTIFY_EVERY = env.integer("SAHAFA_COMMENTS_NOTIFY_EVERY", 600, minimum=0)
SAHAFA_COMMENTS_MAX_DEPTH = env.integer("SAHAFA_COMMENTS_MAX_DEPTH", 3, minimum=1, maximum=10)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.read("TIME_ZONE", "Asia/Riyadh", time_zone)
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.text("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(VAR_DIR / "media")))
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
# An https SAHAFA_BASE_URL turns on secure cookies, HSTS and the redirect from http; each
# may be switched by its variable. The proxy in front (deploy/nginx/sahafa.conf) tells the
# reader's scheme in X-Forwarded-Proto, which Django trusts only then.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
# Joining the browsers' preload list is the operator's own decision, not a default.
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy (django-csp): scripts, styles and fonts from this site only, no
# inline script or event handler anywhere, and no nonce (reader pages are stored and
# shared by the page cache). Images: this site, its media and SAHAFA_IMAGE_HOSTS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *(f"https://{host}" for host in SAHAFA_IMAGE_HOSTS)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Newsroom logins (django-axes, in the database: every process sees the same failures):
# AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that pair out
# for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5, minimum=1, maximum=100)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "sahafa.newsroom.lockout.locked_out"
AXES_VERBOSE = False
# Unlocking is an operator's command (`sahafa axes_reset_username NAME`): axes' own admin
# pages have no Arabic.
AXES_ENABLE_ADMIN = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

EMAIL_BACKEND = env.text("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "newsroom@sahafa.local")

# Breaking-news push alerts (sahafa/push, README «Push alerts and newsletters»). The VAPID
# key pair signs every push request; a browser's subscription is bound to its public half,
# so every server must share it. The demo generates one under var/; elsewhere push alerts
# are off until SAHAFA_VAPID_PRIVATE_KEY is set.
SAHAFA_VAPID_PRIVATE_KEY = env.read("SAHAFA_VAPID_PRIVATE_KEY", "", vapid.parse_private_key)
if not env.is_set("SAHAFA_VAPID_PRIVATE_KEY") and (DEBUG or DEMO):
    SAHAFA_VAPID_PRIVATE_KEY = demo_secret("vapid_private_key", vapid.new_private_key)
SAHAFA_VAPID_PUBLIC_KEY = (
    vapid.public_key(SAHAFA_VAPID_PRIVATE_KEY) if SAHAFA_VAPID_PRIVATE_KEY else ""
)
# Who the push services may contact about our alerts (RFC 8292 `sub`).
SAHAFA_VAPID_SUBJECT = env.read(
    "SAHAFA_VAPID_SUBJECT", f"mailto:{DEFAULT_FROM_EMAIL}", vapid.parse_subject
)
# The push services a subscription may name: the site POSTs to these and nowhere else.
# An entry is an origin; `*.` before a host takes its subdomains.
SAHAFA_PUSH_SERVICES = env.read(
    "SAHAFA_PUSH_SERVICES",
    [
        "https://fcm.googleapis.com",
        "https://updates.push.services.mozilla.com",
        "https://web.push.apple.com",
        "https://*.notify.windows.com",
    ],
    push_services.parse_services,
)
SAHAFA_PUSH_RATE_PER_IP = env.rate("SAHAFA_PUSH_RATE_PER_IP", (20, 3600))

# Newsletters (sahafa/newsletters): double opt-in sign-ups, and the daily digest at
# SAHAFA_DIGEST_TIME (HH:MM in TIME_ZONE; empty: only `sahafa send-digest`, e.g. from cron).
SAHAFA_NEWSLETTER_RATE_PER_IP = env.rate("SAHAFA_NEWSLETTER_RATE_PER_IP", (5, 3600))
SAHAFA_NEWSLETTER_RATE_PER_EMAIL = env.rate("SAHAFA_NEWSLETTER_RATE_PER_EMAIL", (3, 86400))
SAHAFA_DIGEST_TIME = (
    None
    if env.environ.get("SAHAFA_DIGEST_TIME", "07:00").strip() == ""
    else env.read("SAHAFA_DIGEST_TIME", time(7, 0), clock_time)
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.choice("LOG_LEVEL", "info", LOG_LEVELS).upper()},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

env.raise_if_invalid()
