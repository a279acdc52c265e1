"""Django system checks on Sahafa's settings, run by `sahafa check`, `migrate` and `serve`
before anything else: they refuse, with the setting, its value and what is allowed, what
sahafa/env.py cannot see — values set in Python (a settings module of one's own, tests),
and what needs Django loaded (the shared cache answering). Registered by the articles
app's AppConfig.ready()."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from sahafa.env import Invalid, parse_url

DIGITS = ("latn", "arab")


def _error(id, name, value, allowed):
    return Error(f"{name}={value!r}: {allowed}.", id=f"sahafa.E{id:03d}", obj=name)


@register("sahafa")
def check_sahafa_settings(app_configs=None, **kwargs):
    errors = []
    try:
        parse_url(settings.SAHAFA_BASE_URL, ("http", "https"), path=False)
    except Invalid as invalid:
        errors.append(_error(1, "SAHAFA_BASE_URL", settings.SAHAFA_BASE_URL, invalid))
    if settings.SAHAFA_DIGITS not in DIGITS:
        errors.append(
            _error(
                2, "SAHAFA_DIGITS", settings.SAHAFA_DIGITS, f"expected one of {', '.join(DIGITS)}"
            )
        )
    for name in (
        "SAHAFA_COMMENTS_RATE_PER_IP",
        "SAHAFA_COMMENTS_RATE_PER_EMAIL",
        "SAHAFA_PUSH_RATE_PER_IP",
        "SAHAFA_NEWSLETTER_RATE_PER_IP",
        "SAHAFA_NEWSLETTER_RATE_PER_EMAIL",
    ):
        if not _is_rate(getattr(settings, name)):
            errors.append(
                _error(
                    3,
                    name,
                    getattr(settings, name),
                    "expected (N, S): N posts per S seconds, both 1 or more",
                )
            )
    # The same bounds as sahafa/env.py gives these variables in settings.py.
    for id, name, most in ((4, "SAHAFA_PAGE_CACHE_SECONDS", 86400),
                           (10, "SAHAFA_SEARCH_CACHE_SECONDS", 3600)):  # fmt: skip
        seconds = getattr(settings, name)
        whole = isinstance(seconds, int) and not isinstance(seconds, bool)
        if not (whole and 0 <= seconds <= most):
            errors.append(_error(id, name, seconds, f"expected a whole number from 0 to {most}"))
    if settings.SAHAFA_PURGE_URL:
        try:
            parse_url(settings.SAHAFA_PURGE_URL, ("http", "https"))
        except Invalid as invalid:
            errors.append(_error(5, "SAHAFA_PURGE_URL", settings.SAHAFA_PURGE_URL, invalid))
    backend = settings.TASKS["default"]["BACKEND"]
    queue_url = settings.RQ_QUEUES.get("default", {}).get("URL", "")
    if backend == "django_tasks_rq.RQBackend" and urlsplit(queue_url).scheme not in {
        "redis",
        "rediss",
    }:
        errors.append(
            _error(6, "SAHAFA_TASKS_REDIS_URL", queue_url, "SAHAFA_TASKS=rq needs a redis:// URL")
        )
    errors.extend(_push_errors())
    return errors


def _push_errors():
    from sahafa.push import keys, services

    errors = []
    key = settings.SAHAFA_VAPID_PRIVATE_KEY
    try:
        if key:
            keys.private_key(key)
    except Invalid as invalid:
        errors.append(_error(8, "SAHAFA_VAPID_PRIVATE_KEY", key, invalid))
    try:
        services.parse_services(",".join(settings.SAHAFA_PUSH_SERVICES))
    except Invalid as invalid:
        errors.append(_error(9, "SAHAFA_PUSH_SERVICES", settings.SAHAFA_PUSH_SERVICES, invalid))
    return errors


@register(Tags.caches, "sahafa", deploy=True)
def check_the_shared_cache_answers(app_configs=None, **kwargs):
    """The cache holds pages, comment threads, rate limits and page-cache locks for every
    process: production must reach it, and must not keep it per process."""
    from django.core.cache import cache

    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                f"CACHE_URL gives {backend.rsplit('.', 1)[-1]}: each process would keep "
                "its own pages, threads and rate limits.",
                hint="Use redis://… (several machines) or file://… (one machine).",
                id="sahafa.W001",
            )
        ]
    try:
        cache.set("sahafa:check", "1", 10)
        answered = cache.get("sahafa:check") == "1"
    except Exception as error:  # any client error: the point is to say it does not answer
        return [Error(f"The cache at CACHE_URL does not answer: {error}", id="sahafa.E007")]
    if not answered:
        return [Error("The cache at CACHE_URL keeps nothing.", id="sahafa.E007")]
    return []


def _is_rate(value):
    return (
        isinstance(value, tuple | list)
        and len(value) == 2
        and all(
            isinstance(part, int) and not isinstance(part, bool) and part >= 1 for part in value
        )
    )
