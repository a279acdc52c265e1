from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "sahafa.media"
    verbose_name = _("Media library")

    def ready(self):
        from sahafa.articles.templatetags.sahafa import CARD_PICTURES

        from . import pictures, receivers

        receivers.connect()
        CARD_PICTURES.append(pictures.listing_picture)
