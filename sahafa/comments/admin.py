"""The moderation queue: comments by status with counts, bulk verdicts through the verbs,
and «this sender is a spammer» in one action."""

from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from sahafa.arabic import excerpt

from . import workflow
from .models import BlockedPhrase, BlockedSender, ClosingRule, Comment, CommentLogEntry


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = dict(Comment.objects.order_by().values_list("status").annotate(Count("pk")))
        return [
            (value, f"{label} ({counts.get(value, 0)})") for value, label in Comment.Status.choices
        ]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


class CommentLogEntryInline(admin.TabularInline):
    model = CommentLogEntry
    extra = 0
    can_delete = False
    fields = ["at", "status", "reason", "user"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def verdict_action(verb, description, done, only_from=None):
    """An admin action running one verb over every selected comment, in one transaction,
    skipping those it does not apply to; `done` is an ngettext_lazy keyed on "count"."""

    @admin.action(description=description, permissions=["moderate"])
    def action(modeladmin, request, queryset):
        target = queryset.select_related("article__section")
        if only_from:
            target = target.filter(status=only_from)
        with transaction.atomic():
            count = len([verb(comment, request.user) for comment in target.exclude(status=status)])
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)

    status = VERB_STATUS[verb]
    action.__name__ = verb.__name__
    return action


VERB_STATUS = {
    workflow.approve: Comment.Status.APPROVED,
    workflow.unapprove: Comment.Status.PENDING,
    workflow.mark_spam: Comment.Status.SPAM,
    workflow.trash: Comment.Status.TRASH,
}


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["short_body", "name", "email", "article_link", "status", "reason", "created_at"]
    list_display_links = ["short_body"]
    list_filter = [StatusFilter, "created_at"]
    list_select_related = ["article__section"]
    search_fields = ["name", "email", "body", "ip_address"]
    list_per_page = 100
    list_max_show_all = 1000
    date_hierarchy = "created_at"
    actions = ["approve", "unapprove", "mark_spam", "trash", "block_sender"]
    fields = [
        "article",
        "parent",
        "name",
        "email",
        "url",
        "body",
        "status",
        "reason",
        "ip_address",
        "user_agent",
        "created_at",
        "moderated_at",
        "moderated_by",
    ]
    # Status changes only through the actions (the verbs), never by editing the field.
    readonly_fields = [name for name in fields if name not in {"name", "url", "body"}]
    inlines = [CommentLogEntryInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return False

    def has_moderate_permission(self, request):
        return workflow.can_moderate(request.user)

    @admin.display(description=_("comment"))
    def short_body(self, comment):
        return excerpt(comment.body, 100)

    @admin.display(description=_("article"), ordering="article")
    def article_link(self, comment):
        return format_html(
            '<a href="{}" target="_blank" dir="auto">{}</a>',
            comment.get_absolute_url(),
            excerpt(comment.article.headline, 60),
        )

    approve = verdict_action(
        workflow.approve,
        _("Approve selected comments"),
        ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count"),
    )
    unapprove = verdict_action(
        workflow.unapprove,
        _("Unapprove selected comments"),
        ngettext_lazy("%(count)d comment unapproved.", "%(count)d comments unapproved.", "count"),
        only_from=Comment.Status.APPROVED,
    )
    mark_spam = verdict_action(
        workflow.mark_spam,
        _("Mark selected comments as spam"),
        ngettext_lazy(
            "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
        ),
    )
    trash = verdict_action(
        workflow.trash,
        _("Move selected comments to the trash"),
        ngettext_lazy(
            "%(count)d comment moved to the trash.",
            "%(count)d comments moved to the trash.",
            "count",
        ),
    )

    @admin.action(
        description=_("Block the senders (email and IP) and mark all their comments as spam"),
        permissions=["moderate"],
    )
    def block_sender(self, request, queryset):
        with transaction.atomic():
            marked = sum(len(workflow.block_sender(comment, request.user)) for comment in queryset)
        self.message_user(
            request,
            ngettext(
                "Sender blocked; %(count)d comment marked as spam.",
                "Senders blocked; %(count)d comments marked as spam.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )


@admin.register(BlockedSender)
class BlockedSenderAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "created_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["value"]
    readonly_fields = ["created_at", "created_by"]

    def save_model(self, request, obj, form, change):
        obj.created_by = obj.created_by or request.user
        super().save_model(request, obj, form, change)


@admin.register(BlockedPhrase)
class BlockedPhraseAdmin(admin.ModelAdmin):
    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]


@admin.register(ClosingRule)
class ClosingRuleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "section", "article", "close_after_days"]
    list_select_related = ["section", "article"]
    raw_id_fields = ["article"]
