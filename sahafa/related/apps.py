from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelatedConfig(AppConfig):
    name = "sahafa.related"
    verbose_name = _("Related articles")

    def ready(self):
        from . import receivers

        receivers.connect()
