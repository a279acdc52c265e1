from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditLocksConfig(AppConfig):
    name = "sahafa.editlocks"
    verbose_name = _("Edit locks")
