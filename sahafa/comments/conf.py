"""The comments app's settings, each set in sahafa/settings.py from the environment variable
of the same name (README, «Comments») through sahafa/env.py; tests override them as
Django settings."""

from django.conf import settings


def comments_setting(name):
    return getattr(settings, name)
