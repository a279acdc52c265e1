"""The live desk in the newsroom: one screen per live blog (its change page), where writers
draft entries and editors publish, pin, take down, edit and delete them, and open or close
the coverage. Every state change goes through `live.workflow`: the form has no status
field, and the buttons run the verbs after the form is saved (as the article form does)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Max, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from sahafa.articles.sanitize import sanitize_body
from sahafa.newsroom.forms import EDITOR_EXTENSIONS, RIGHT_TO_LEFT_INPUT

from . import workflow
from .models import Entry, LiveBlog

# The buttons of each entry: (verb, label, offered for the entry).
ENTRY_VERBS = {
    "publish": (workflow.publish_entry, _("Publish"), lambda e: e.status == Entry.Status.DRAFT),
    "pin": (
        workflow.pin_entry,
        _("Pin as breaking"),
        lambda e: e.status == Entry.Status.PUBLISHED and not e.is_pinned,
    ),
    "unpin": (workflow.unpin_entry, _("Unpin"), lambda e: e.is_pinned),
    "unpublish": (
        workflow.unpublish_entry,
        _("Take down"),
        lambda e: e.status == Entry.Status.PUBLISHED,
    ),
}
ENTRY_BUTTON = "_live_entry"
PUBLISH_NEW = "_live_publish_new"
CLOSE = "_live_close"
REOPEN = "_live_reopen"
# Each button and who may press it.
BUTTON_ALLOWED = {
    ENTRY_BUTTON: workflow.can_publish,
    PUBLISH_NEW: workflow.can_publish,
    CLOSE: workflow.can_run,
    REOPEN: workflow.can_run,
}
DESK_FIELDS = ["article_link", "coverage", "opened_at", "closed_at"]


class EntryForm(forms.ModelForm):
    body = ProseEditorFormField(
        label=Entry._meta.get_field("body").verbose_name,
        config={"extensions": EDITOR_EXTENSIONS},
        sanitize=sanitize_body,
        widget=AdminProseEditorWidget,
    )

    class Meta:
        model = Entry
        fields = ["title", "body"]
        widgets = {"title": forms.TextInput(attrs=RIGHT_TO_LEFT_INPUT)}


class EntryFormSet(forms.BaseInlineFormSet):
    user = None  # set per request by EntryInline.get_formset

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # A writer reads published entries and other writers' drafts but cannot change
        # them: disabled fields keep their stored values whatever a POST says.
        if form.instance.pk and not workflow.may_edit(self.user, form.instance):
            for name in EntryForm.Meta.fields:
                form.fields[name].disabled = True
        return form


class EntryInline(admin.StackedInline):
    model = Entry
    form = EntryForm
    formset = EntryFormSet
    fields = ["title", "body", "state", "entry_buttons"]
    readonly_fields = ["state", "entry_buttons"]
    extra = 1
    verbose_name = _("entry")
    verbose_name_plural = _("entries (drafts first, then newest first)")

    def get_queryset(self, request):
        # Drafts waiting for an editor first, then what readers see, newest first.
        return (
            super()
            .get_queryset(request)
            .select_related("created_by")
            .order_by(
                "status", "-is_pinned", F("published_at").desc(nulls_first=True), "-created_at"
            )
        )

    def get_formset(self, request, obj=None, **kwargs):
        self.request = request
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset

    def has_add_permission(self, request, obj=None):
        return obj is not None and request.user.has_perm("live.add_entry")

    @admin.display(description=_("state"))
    def state(self, entry):
        if entry.pk is None:
            return _("New entry: saved as a draft for the editors.")
        writer = entry.created_by.get_username() if entry.created_by else "—"
        if entry.status == Entry.Status.DRAFT:
            return format_html(
                '<span class="newsroom-status newsroom-status-draft">{}</span> · {}',
                entry.get_status_display(),
                writer,
            )
        return format_html(
            '<span class="newsroom-status newsroom-status-published">{}</span>{} · {} · {}',
            entry.get_status_display(),
            format_html(" <strong>{}</strong>", _("Breaking")) if entry.is_pinned else "",
            entry.published_at.strftime("%Y-%m-%d %H:%M"),
            writer,
        )

    @admin.display(description=_("actions"))
    def entry_buttons(self, entry):
        if entry.pk is None or not workflow.can_publish(self.request.user):
            return "—"
        return format_html_join(
            " ",
            '<button type="submit" class="button" name="{}" value="{}:{}">{}</button>',
            (
                (ENTRY_BUTTON, name, entry.pk, label)
                for name, (_verb, label, offered) in ENTRY_VERBS.items()
                if offered(entry)
            ),
        )


@admin.register(LiveBlog)
class LiveBlogAdmin(admin.ModelAdmin):
    change_form_template = "live/liveblog_change_form.html"
    list_display = ["article", "coverage", "published_count", "draft_count", "latest"]
    list_filter = ["is_open"]
    search_fields = ["article__headline"]
    autocomplete_fields = ["article"]
    inlines = [EntryInline]

    class Media:
        css = {"all": ["newsroom/admin.css"]}

    def get_queryset(self, request):
        published = Q(entries__status=Entry.Status.PUBLISHED)
        return (
            super()
            .get_queryset(request)
            .select_related("article")
            .annotate(
                published_count=Count("entries", filter=published),
                draft_count=Count("entries", filter=Q(entries__status=Entry.Status.DRAFT)),
                latest=Max("entries__published_at", filter=published),
            )
        )

    def get_object(self, request, object_id, from_field=None):
        # The id is the article's, through a OneToOneField: Django turns an integer the
        # database cannot hold into "no such object" for integer fields, not relations.
        try:
            held = abs(int(object_id)) < 2**63
        except (TypeError, ValueError):
            return None
        return super().get_object(request, object_id, from_field) if held else None

    def get_fields(self, request, obj=None):
        return ["article"] if obj is None else DESK_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else DESK_FIELDS

    def get_inline_instances(self, request, obj=None):
        # Entries are written once the live blog exists.
        return super().get_inline_instances(request, obj) if obj else []

    def has_add_permission(self, request):
        return workflow.can_run(request.user) and super().has_add_permission(request)

    @admin.display(description=_("coverage"), ordering="is_open")
    def coverage(self, blog):
        if blog.is_open:
            return format_html('<strong class="newsroom-live">{}</strong>', _("Live"))
        return _("Ended")

    @admin.display(description=_("article"))
    def article_link(self, blog):
        return format_html(
            '<a href="{}"><bdi>{}</bdi></a> · <a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[blog.pk]),
            blog.article.headline,
            blog.article.get_absolute_url() + "#live",
            _("View on site"),
        )

    @admin.display(description=_("published entries"), ordering="published_count")
    def published_count(self, blog):
        return blog.published_count

    @admin.display(description=_("drafts"), ordering="draft_count")
    def draft_count(self, blog):
        return blog.draft_count

    @admin.display(description=_("latest entry"), ordering="latest")
    def latest(self, blog):
        return blog.latest

    # Saving, and the buttons -------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Refuse an editors' button in a crafted POST before anything is saved.
        if request.method == "POST" and any(
            name in request.POST and not allowed(request.user)
            for name, allowed in BUTTON_ALLOWED.items()
        ):
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            return  # the blog's own fields change only through the buttons
        # Adding a live blog is opening the coverage, through its verb.
        obj.__dict__.update(workflow.open_coverage(obj.article, by=request.user).__dict__)

    def save_formset(self, request, form, formset, change):
        entries = formset.save(commit=False)
        for entry in entries:
            if entry.pk is None:
                entry.created_by = request.user
            entry.save()
        for gone in formset.deleted_objects:
            gone.delete()
        request._live_new_entries = formset.new_objects

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        try:
            done = self._press_button(request, form.instance)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            if done:
                self.message_user(request, done, messages.SUCCESS)

    def _press_button(self, request, blog):
        by = request.user
        if CLOSE in request.POST:
            workflow.close_coverage(blog, by=by)
            return _("The live coverage has ended; readers' pages stop asking for updates.")
        if REOPEN in request.POST:
            workflow.open_coverage(blog.article, by=by)
            return _("The live coverage is open again.")
        if PUBLISH_NEW in request.POST:
            new = getattr(request, "_live_new_entries", [])
            for entry in new:
                workflow.publish_entry(entry, by=by)
            return _("The new entry is published.") if new else None
        if ENTRY_BUTTON in request.POST:
            name, _colon, pk = request.POST[ENTRY_BUTTON].partition(":")
            if name not in ENTRY_VERBS or not pk.isdigit():
                raise ValidationError(_("Unknown action."))
            entry = Entry.objects.filter(live_blog=blog, pk=int(pk)).first()
            if entry is None:
                raise ValidationError(_("That entry is no longer in this live blog."))
            verb, label, _offered = ENTRY_VERBS[name]
            verb(entry, by=by)
            return format_html("{}: {}", label, entry.title or f"#{entry.pk}")
        return None

    def response_change(self, request, obj):
        if any(name in request.POST for name in BUTTON_ALLOWED):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            {
                "can_publish_entries": workflow.can_publish(request.user),
                "can_run": workflow.can_run(request.user),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
