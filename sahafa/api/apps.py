from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sahafa.api"
    label = "api"
    verbose_name = "API"
