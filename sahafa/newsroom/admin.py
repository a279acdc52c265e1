"""The newsroom: Django's admin, in Arabic and right to left, laid out for journalists.

Writers (كاتب) write and submit their own drafts; editors (محرر) edit everything and
publish. Every status change goes through sahafa.articles.workflow: the workflow buttons
under the form and the bulk actions call its verbs, and the form has no status field.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.i18n import JavaScriptCatalog

from sahafa.arabic import excerpt
from sahafa.articles import workflow
from sahafa.articles.models import Article, ArticleLogEntry, Author, Byline, Section, Tag
from sahafa.editlocks.admin import EditLockAdmin
from sahafa.media.admin import LeadImageInline
from sahafa.push.admin import PushAlertsAdmin
from sahafa.related.admin import RelatedPinInline
from sahafa.revisions.admin import CorrectionInline, RevisionsAdmin
from sahafa.wire.admin import ArticleSourceInline

from . import buttons
from .forms import ArticleForm

admin.site.site_header = format_lazy("{} — {}", _("Newsroom"), settings.SAHAFA_SITE_NAME)
admin.site.site_title = admin.site.site_header
admin.site.index_title = _("The desk")
admin.site.index_template = "newsroom/index.html"

Status = Article.Status

# The labels of ArticleLogEntry.action, as the workflow verbs write it.
HISTORY_ACTIONS = {
    "created": pgettext_lazy("history", "created"),
    "submitted": pgettext_lazy("history", "submitted for review"),
    "published": pgettext_lazy("history", "published"),
    "scheduled": pgettext_lazy("history", "scheduled"),
    "unpublished": pgettext_lazy("history", "unpublished"),
    "archived": pgettext_lazy("history", "archived"),
    "returned": pgettext_lazy("history", "returned to writer"),
    "restored": pgettext_lazy("history", "text restored"),
    "live_opened": pgettext_lazy("history", "live coverage opened"),
    "live_closed": pgettext_lazy("history", "live coverage ended"),
    "push_alert": pgettext_lazy("history", "breaking-news alert sent"),
}


def field_label(name):
    return Article._meta.get_field(name).verbose_name


def may_edit(user, article):
    """Editors edit every article; writers edit their own while it is a draft
    (which articles are their own is settled by `Article.objects.editable_by`)."""
    if not user.has_perm("articles.change_article"):
        return False
    if article is None or user.has_perm("articles.edit_any_article"):
        return True
    return article.status == Status.DRAFT


def bulk_action(verb, description, done_message):
    """A changelist action running `verb` on every selected article; an article that
    refuses is named in the report and does not stop the others."""

    @admin.action(permissions=["publish"], description=description)
    def action(modeladmin, request, queryset):
        done, refused = 0, []
        for article in queryset:
            try:
                verb(article, by=request.user)
            except ValidationError as error:
                refused.append(f"«{excerpt(article.headline, 60)}»: {' '.join(error.messages)}")
            else:
                done += 1
        if done:
            modeladmin.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)
        if refused:
            count = len(refused)
            left_alone = ngettext(
                "%(count)d article was left as it was:",
                "%(count)d articles were left as they were:",
                count,
            ) % {"count": count}
            modeladmin.message_user(request, " ".join([left_alone, *refused]), messages.WARNING)

    action.__name__ = f"{verb.__name__}_selected"
    return action


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class BylineInline(admin.TabularInline):
    """The byline, in order. Bylines have no permissions of their own in the newsroom's
    roles: whoever may edit the article may edit its byline."""

    model = Byline
    fields = ["author", "order"]
    autocomplete_fields = ["author"]
    extra = 1

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_add_permission(self, request, obj=None):
        return may_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return may_edit(request.user, obj)


class HistoryInline(admin.TabularInline):
    """The article's newsroom history, written only by the workflow verbs."""

    model = ArticleLogEntry
    fields = ["at", "action_label", "by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("history")

    @admin.display(description=ArticleLogEntry._meta.get_field("action").verbose_name)
    def action_label(self, entry):
        return HISTORY_ACTIONS.get(entry.action, entry.action)

    @admin.display(description=pgettext_lazy("history", "by"))
    def by(self, entry):
        return entry.user.get_full_name() or entry.user.get_username() if entry.user else "—"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(EditLockAdmin, PushAlertsAdmin, RevisionsAdmin, admin.ModelAdmin):
    form = ArticleForm
    change_form_template = "newsroom/article_change_form.html"
    list_display = [
        "headline_with_kicker",
        "section",
        "byline",
        "status_label",
        "published_at",
        "is_breaking",
    ]
    list_filter = [
        "status",
        "section",
        ("authors", admin.RelatedOnlyFieldListFilter),
        "published_at",
        "is_breaking",
    ]
    search_fields = ["headline", "kicker", "standfirst"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags"]
    readonly_fields = [
        "status_label",
        "published_at",
        "created_by",
        "created_at",
        "updated_at",
        "source_url",  # the importer's key
    ]
    inlines = [
        BylineInline,
        LeadImageInline,
        CorrectionInline,
        RelatedPinInline,
        ArticleSourceInline,
        HistoryInline,
    ]
    actions = [
        bulk_action(
            workflow.publish,
            _("Publish the selected articles now"),
            lambda count: ngettext(
                "%(count)d article was published.", "%(count)d articles were published.", count
            ),
        ),
        bulk_action(
            workflow.unpublish,
            _("Unpublish the selected articles"),
            lambda count: ngettext(
                "%(count)d article was taken off the site.",
                "%(count)d articles were taken off the site.",
                count,
            ),
        ),
        bulk_action(
            workflow.archive,
            _("Archive the selected articles"),
            lambda count: ngettext(
                "%(count)d article was archived.", "%(count)d articles were archived.", count
            ),
        ),
    ]
    list_per_page = 50
    # The change form links to the article itself: «preview» before it is public.
    view_on_site = False

    class Media:
        css = {"all": ["newsroom/admin.css", "editlocks/editlocks.css"]}

    def get_fieldsets(self, request, obj=None):
        publication = ["status_label", "published_at"]
        if workflow.can_publish(request.user):
            publication.append("publish_at")
        return [
            (None, {"fields": ["kicker", "headline", "standfirst", "body"]}),
            (
                _("Lead image"),
                {"fields": ["lead_image", "lead_image_caption", "lead_image_credit"]},
            ),
            (_("Placement"), {"fields": ["section", "tags"]}),
            # The byline inline is rendered here, between placement and details.
            (
                _("Details"),
                {"fields": ["dateline", "is_breaking", "materially_updated_at", "slug"]},
            ),
            (
                _("Search engines and sharing"),
                {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
            ),
            (_("Publication"), {"fields": publication}),
            (
                _("Record"),
                {
                    "fields": ["created_by", "created_at", "updated_at", "source_url"],
                    "classes": ["collapse"],
                },
            ),
        ]

    def get_urls(self):
        # Arabic for the rich-text editor's dialogs (django-prose-editor ships none). The
        # change form loads it after the form's media, whose jquery.init.js replaces
        # `window.django`: a catalogue read after that starts a new `django.catalog` and
        # rebinds `gettext` to it, so it must hold the admin's strings too ("Today", "Now",
        # the time-zone note), or the date and time widgets fall back to English.
        editor_catalogue = JavaScriptCatalog.as_view(
            packages=["django.contrib.admin", "sahafa.newsroom"]
        )
        return [
            path("jsi18n/", self.admin_site.admin_view(editor_catalogue), name="newsroom_jsi18n"),
            *super().get_urls(),
        ]

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        # A new article has no history yet; corrections are for articles that are public.
        public = obj is not None and obj.status in Article.PUBLIC_STATUSES
        return [
            inline
            for inline in inlines
            if (obj or not isinstance(inline, HistoryInline))
            and (public or not isinstance(inline, CorrectionInline))
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not workflow.can_publish(request.user):
            form.base_fields.pop("publish_at", None)
        return form

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .editable_by(request.user)
            .select_related("section")
            .prefetch_related("byline_set__author")
        )

    # Permissions -------------------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_edit(request.user, obj)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    # The changelist's columns ------------------------------------------------------------

    @admin.display(description=field_label("headline"), ordering="headline")
    def headline_with_kicker(self, article):
        if not article.kicker:
            return format_html('<bdi class="newsroom-headline">{}</bdi>', article.headline)
        return format_html(
            '<bdi class="newsroom-kicker">{}</bdi> <bdi class="newsroom-headline">{}</bdi>',
            article.kicker,
            article.headline,
        )

    @admin.display(description=field_label("authors"))
    def byline(self, article):
        return "، ".join(author.name for author in article.byline_authors)

    @admin.display(description=field_label("status"), ordering="status")
    def status_label(self, article):
        # A scheduled article whose time has come is live: say so.
        status = Status.PUBLISHED if article.is_public else Status(article.status)
        return format_html(
            '<span class="newsroom-status newsroom-status-{}">{}</span>', status.value, status.label
        )

    # Saving, and the workflow buttons under the form -------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Refuse a crafted POST before anything is saved, not only when the verb runs.
        if request.method == "POST":
            button = buttons.pressed(request.POST)
            if button and button.for_publishers and not workflow.can_publish(request.user):
                raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The verb runs last, so its signal sees the saved tags and byline.
        button = buttons.pressed(request.POST)
        if button is None:
            return
        try:
            done = button.perform(form.instance, request.user, form.cleaned_data.get("publish_at"))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)

    def response_add(self, request, obj, post_url_continue=None):
        if buttons.pressed(request.POST):
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if buttons.pressed(request.POST):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article()
        editable = add or self.has_change_permission(request, obj)
        can_publish = workflow.can_publish(request.user)
        inline_formsets = context.get("inline_admin_formsets", [])
        context.update(
            {
                # The preview link goes to the article as stored: a form sent back with
                # errors has already copied its unsaved values (an emptied slug) onto `obj`.
                "stored_article": (
                    Article.objects.select_related("section").get(pk=obj.pk) if obj else None
                ),
                "workflow_buttons": [
                    button
                    for button in buttons.BUTTONS
                    if editable and button.offered_for(article, can_publish)
                ],
                "byline_formsets": [f for f in inline_formsets if f.opts.model is Byline],
                "other_inline_formsets": [f for f in inline_formsets if f.opts.model is not Byline],
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
