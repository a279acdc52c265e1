from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RevisionsConfig(AppConfig):
    name = "sahafa.revisions"
    verbose_name = _("Revisions and corrections")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import corrections
        from .models import Correction

        post_save.connect(corrections.on_correction_saved, sender=Correction)
        post_delete.connect(corrections.on_correction_saved, sender=Correction)
