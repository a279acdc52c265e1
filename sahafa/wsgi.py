import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sahafa.settings")
application = get_wsgi_application()

# Imported once Django is set up: a stored page is answered before Django sees the request.
from sahafa.pagecache.wsgi import PageCacheApplication  # noqa: E402

application = PageCacheApplication(application)
