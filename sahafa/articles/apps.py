from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "sahafa.articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.urls import register_converter

        from . import changes, listings, signals
        from .converters import (
            SectionInArticleConverter,
            TwoDigitsConverter,
            UnicodeSlugConverter,
            YearConverter,
        )

        changes.connect()
        signals.articles_changed.connect(listings.forget_counts, dispatch_uid="listing-counts")
        # Registered before any URLconf loads: the feeds' URLs use <uslug:…> too.
        register_converter(UnicodeSlugConverter, "uslug")
        register_converter(SectionInArticleConverter, "section")
        register_converter(YearConverter, "yyyy")
        register_converter(TwoDigitsConverter, "dd")
