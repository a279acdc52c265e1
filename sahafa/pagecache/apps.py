from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "sahafa.pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import receivers

        receivers.connect()
