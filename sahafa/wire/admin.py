"""The wire desk in the newsroom: the agencies' feeds with how their last poll went, the
queue of what they sent (grouped by story, filtered by agency and keyword), one button to
make a draft of an item, and, on an article made from one, the agency's updates."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sahafa.arabic import normalize
from sahafa.articles.templatetags.sahafa import dateline_time

from . import drafting, tasks
from .models import ArticleSource, Feed, WireItem


def when(value):
    """Gregorian and Hijri date and the time, as the site writes them."""
    return dateline_time(value) if value else "—"


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    # Feeds are typed by editors: an address without a scheme is https, as Django 6 will do.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "format", "poll_minutes", "active", "health", "items_count"]
    list_filter = ["active", "format"]
    search_fields = ["name"]
    fields = ["name", "url", "format", "poll_minutes", "section", "active"]
    actions = ["poll_now"]

    class Media:
        css = {"all": ["wire/wire.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("items"), ordering="item_count")
    def items_count(self, feed):
        url = reverse("admin:wire_wireitem_changelist")
        return format_html('<a href="{}?feed__id__exact={}">{}</a>', url, feed.pk, feed.item_count)

    @admin.display(description=_("last poll"))
    def health(self, feed):
        failed = feed.last_error_at and (
            not feed.last_success_at or feed.last_error_at >= feed.last_success_at
        )
        if failed:
            return format_html(
                '<span class="wire-feed-error">{}</span> <span class="wire-feed-when">{}</span>',
                feed.last_error,
                when(feed.last_error_at),
            )
        if feed.last_success_at:
            return format_html('<span class="wire-feed-ok">{}</span>', when(feed.last_success_at))
        return _("not polled yet")

    @admin.action(description=_("Poll the selected feeds now"), permissions=["change"])
    def poll_now(self, request, queryset):
        # Imported here: polling brings feedparser and the related engine's numpy, SciPy
        # and datasketch, which no other page of a web worker needs.
        from . import polling

        for feed in queryset:
            outcome = polling.poll(feed)
            if outcome.error:
                self.message_user(request, f"{feed.name}: {outcome.error}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(agency)s: %(new)d new items, %(revised)d re-sent with changes.")
                    % {"agency": feed.name, "new": outcome.new, "revised": outcome.revised},
                    messages.SUCCESS,
                )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A new feed, or a new interval: the clock learns its time after the commit.
        transaction.on_commit(tasks.schedule_next)


class DraftState(admin.SimpleListFilter):
    title = _("drafts")
    parameter_name = "drafted"

    def lookups(self, request, model_admin):
        return [("no", _("not used yet")), ("yes", _("made into a draft"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(drafts__isnull=self.value() == "no")
        return queryset


@admin.register(WireItem)
class WireItemAdmin(admin.ModelAdmin):
    """The queue: newest story first, the items of one story together, none published."""

    list_display = ["headline_in_story", "feed", "sent", "story_copies", "draft"]
    list_filter = ["feed", DraftState, "sent_at"]
    # The search box filters by keyword on the normalized text (get_search_results).
    search_fields = ["search_text"]
    list_per_page = 50
    fields = ["feed", "sent", "headline", "summary", "text", "link", "story_copies", "draft"]
    readonly_fields = fields

    class Media:
        css = {"all": ["wire/wire.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("feed", "story", "update_of__feed")
            .prefetch_related("story__items__feed", "drafts__article")
        )

    def get_search_results(self, request, queryset, search_term):
        for term in normalize(search_term).split():
            queryset = queryset.filter(search_text__contains=term)
        return queryset, False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        tasks.keep_ticking()
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:item_id>/draft/",
                self.admin_site.admin_view(self.draft_view),
                name="wire_wireitem_draft",
            ),
            *super().get_urls(),
        ]

    def draft_view(self, request, item_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not drafting.can_draft(request.user):
            raise PermissionDenied
        item = get_object_or_404(WireItem, pk=item_id)
        try:
            article, made = drafting.make_draft(item, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:wire_wireitem_changelist"))
        message = (
            _("The draft is made from the agency's item; it is not published.")
            if made
            else _("This item was already made into this draft.")
        )
        self.message_user(request, message, messages.SUCCESS if made else messages.INFO)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    # Columns and fields -----------------------------------------------------------------

    @admin.display(description=_("headline"), ordering="headline")
    def headline_in_story(self, item):
        first = min(item.story.items.all(), key=lambda other: (other.sent_at, other.pk))
        marks = []
        if first.pk != item.pk:
            marks.append(
                format_html('<span class="wire-in-story" title="{}">↳</span> ', _("same story"))
            )
        if item.update_of_id or item.revised_at:
            marks.append(format_html('<span class="wire-update">{}</span> ', _("update")))
        return format_html(
            '{}<bdi class="newsroom-headline">{}</bdi>', mark_safe("".join(marks)), item.headline
        )

    @admin.display(description=_("sent"), ordering="sent_at")
    def sent(self, item):
        return when(item.sent_at)

    @admin.display(description=_("text"))
    def text(self, item):
        return format_html('<div class="wire-text" dir="rtl">{}</div>', mark_safe(item.body))

    @admin.display(description=_("same story"))
    def story_copies(self, item):
        others = [other for other in item.story.items.all() if other.pk != item.pk]
        if not others:
            return "—"
        url = reverse("admin:wire_wireitem_changelist")
        agencies = "، ".join(sorted({other.feed.name for other in others}))
        count = len(others)
        label = ngettext(
            "%(count)d more copy: %(agencies)s", "%(count)d more copies: %(agencies)s", count
        ) % {"count": count, "agencies": agencies}
        return format_html('<a href="{}?story__id__exact={}">{}</a>', url, item.story_id, label)

    @admin.display(description=_("draft"))
    def draft(self, item):
        sources = list(item.drafts.all())
        if sources:
            return format_html_join(
                " ",
                '<a class="wire-drafted" href="{}">{}</a>',
                (
                    (
                        reverse("admin:articles_article_change", args=[source.article_id]),
                        _("the draft"),
                    )
                    for source in sources
                ),
            )
        return format_html(
            '<button type="submit" class="button wire-draft" formaction="{}">{}</button>',
            reverse("admin:wire_wireitem_draft", args=[item.pk]),
            _("Make a draft"),
        )


class ArticleSourceForm(forms.ModelForm):
    update_read = forms.BooleanField(
        label=_("The article has the update"),
        required=False,
        help_text=_("Tick once the article says what the agency's newer version adds."),
    )

    class Meta:
        model = ArticleSource
        fields = []

    def save(self, commit=True):
        if self.cleaned_data.get("update_read"):
            self.instance.update = None
        return super().save(commit)


class ArticleSourceInline(admin.StackedInline):
    """On an article made from a wire item (added to the article admin): the item it came
    from, and «تحديث من الوكالة» when the agency sent a newer version."""

    model = ArticleSource
    form = ArticleSourceForm
    fk_name = "article"
    fields = ["source", "made_at", "agency_update", "update_read"]
    readonly_fields = ["source", "made_at", "agency_update"]
    extra = 0
    max_num = 1
    can_delete = False
    verbose_name_plural = _("from the wire")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item__feed", "update__feed")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("wire item"))
    def source(self, source):
        return format_html(
            '<a href="{}">{} — <bdi>{}</bdi></a>',
            reverse("admin:wire_wireitem_change", args=[source.item_id]),
            source.item.feed.name,
            source.item.headline,
        )

    @admin.display(description=_("update from the agency"))
    def agency_update(self, source):
        if source.update_id is None:
            return "—"
        return format_html(
            '<strong class="wire-update">{}</strong> <a href="{}">{} — <bdi>{}</bdi></a> {}',
            _("Update from the agency"),
            reverse("admin:wire_wireitem_change", args=[source.update_id]),
            source.update.feed.name,
            source.update.headline,
            when(source.update.revised_at or source.update.sent_at),
        )
