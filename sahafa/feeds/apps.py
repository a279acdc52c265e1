from urllib.parse import urlsplit

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_site_with_base_url(**kwargs):
    """Keep the sites framework's record (read by sitemaps and redirects) equal to
    SAHAFA_BASE_URL, so the environment stays the one place the address is configured."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={
            "domain": urlsplit(settings.SAHAFA_BASE_URL).netloc,
            "name": settings.SAHAFA_SITE_NAME,
        },
    )


class FeedsConfig(AppConfig):
    name = "sahafa.feeds"
    verbose_name = _("Feeds and sitemaps")

    def ready(self):
        # Sent for apps with models only; the sites app creates its default record on the
        # same signal, just before this runs.
        post_migrate.connect(sync_site_with_base_url, sender=apps.get_app_config("sites"))
