from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "sahafa.comments"
    verbose_name = _("Comments")

    def ready(self):
        from sahafa.articles.models import CARD_ANNOTATIONS

        from . import notify, signals, threads
        from .models import (
            ClosingRule,
            Comment,
            approved_comment_count,
            on_closing_rule_changed,
            remember_closing_rule_pages,
        )

        CARD_ANNOTATIONS["comment_count"] = approved_comment_count

        for signal in signals.VERDICT_SIGNALS:
            signal.connect(threads.forget_thread_of)
        post_delete.connect(threads.forget_thread_of_deleted, sender=Comment)
        signals.comment_posted.connect(notify.on_comment_posted)
        pre_save.connect(remember_closing_rule_pages, sender=ClosingRule)
        post_save.connect(on_closing_rule_changed, sender=ClosingRule)
        post_delete.connect(on_closing_rule_changed, sender=ClosingRule)
