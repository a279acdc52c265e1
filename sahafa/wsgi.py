import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sahafa.settings")
application = get_wsgi_application()

# Imported once Django is set up: a stored page is answered before Django sees the request.
from sahafa.mostread.wsgi import BeaconApplication  # noqa: E402
from sahafa.pagecache.wsgi import PageCacheApplication  # noqa: E402

# Outermost, the view beacon (sahafa/mostread), then stored pages; the rest is Django's.
application = BeaconApplication(PageCacheApplication(application))

if os.environ.get("SAHAFA_SERVER_PID"):
    # A web worker of `sahafa serve` ends with it even when it is killed outright: granian's
    # workers would otherwise live on, holding the port. SIGKILL, because granian stops its
    # workers gracefully with SIGTERM and its handler would keep this one running.
    import signal

    from sahafa.background.processes import die_with_parent

    die_with_parent(int(os.environ["SAHAFA_SERVER_PID"]), signal.SIGKILL)

# What a worker loaded to start (Django, the settings, the URLs: some 100,000 objects) lives as
# long as the worker: out of the garbage collector's sight, a full collection no longer
# walks it, which took 25-110 ms of one request now and then (the cold pages' p99).
gc.freeze()
