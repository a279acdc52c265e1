from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "sahafa.newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from . import schedule

        # After every migrate (each start of the demo, each deploy): the daily digest's next
        # run is in the queue.
        post_migrate.connect(schedule.on_migrate, sender=self, dispatch_uid="digest-schedule")
