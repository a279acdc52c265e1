from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "sahafa.live"
    verbose_name = _("Live coverage")

    def ready(self):
        from sahafa.articles.sanitize import STORED_BODIES
        from sahafa.articles.templatetags.sahafa import JSON_LD_ADDITIONS

        from . import readers, structured

        readers.connect()
        JSON_LD_ADDITIONS.append(structured.live_blog_posting)
        STORED_BODIES.append(readers.resanitize_entries)
