from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontPageConfig(AppConfig):
    name = "sahafa.frontpage"
    verbose_name = _("Front page")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from sahafa.articles.models import UNANNOUNCED_CHANGES
        from sahafa.articles.views import FRONT_PAGE_PLACEMENTS

        from . import arrangement
        from .models import Placement

        FRONT_PAGE_PLACEMENTS.append(arrangement.placed_stories)
        UNANNOUNCED_CHANGES.append(Placement.objects.next_expiry)
        post_save.connect(arrangement.on_placement_changed, sender=Placement)
        post_delete.connect(arrangement.on_placement_changed, sender=Placement)
