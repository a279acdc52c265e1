from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "sahafa.pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from sahafa.articles import fragments

        from . import receivers, store

        receivers.connect()
        fragments.use_content_version(store.purge_stamp, store.content_version)
