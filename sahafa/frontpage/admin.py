"""«الصفحة الأولى» in the newsroom: editors place stories in the lead slot, the featured
slots or at the top of their section's block, order them (dragging the list's rows, or
its position numbers) and give each placement an expiry. Writers and moderators see none
of it."""

from django import forms
from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from sahafa.articles.models import Article

from .models import Placement

SLOT_ORDER = Case(
    *(When(slot=slot, then=Value(rank)) for rank, slot in enumerate(Placement.Slot.values)),
    output_field=IntegerField(),
)


def may_arrange(user):
    """Arranging the front page is the editors' call, as publishing is."""
    return user.is_active and user.has_perm("articles.publish_article")


class PlacementForm(forms.ModelForm):
    class Meta:
        model = Placement
        fields = ["slot", "article", "position", "expires_at"]

    def clean_article(self):
        article = self.cleaned_data["article"]
        if article.status not in Article.PUBLIC_STATUSES:
            raise forms.ValidationError(
                _("Only a published (or scheduled) article can be placed on the front page.")
            )
        return article


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    form = PlacementForm
    list_display = ["headline", "slot", "position", "expires_at", "state", "placed_by"]
    list_display_links = ["headline"]
    list_editable = ["position", "expires_at"]
    list_filter = ["slot"]
    autocomplete_fields = ["article"]
    search_fields = ["article__headline"]
    # The lead first, then the featured stories, then the sections' tops; each in order.
    ordering = [SLOT_ORDER.asc(), "position", "-placed_at"]

    class Media:
        css = {"all": ["newsroom/admin.css", "frontpage/arrange.css"]}
        js = ["frontpage/arrange.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "placed_by")

    @admin.display(description=_("article"), ordering="article__headline")
    def headline(self, placement):
        return format_html('<bdi class="newsroom-headline">{}</bdi>', placement.article.headline)

    @admin.display(description=_("on the front page"))
    def state(self, placement):
        if placement.expires_at and placement.expires_at <= timezone.now():
            return _("expired")
        if not placement.article.is_public:
            return _("not public")
        return _("shown")

    def save_model(self, request, obj, form, change):
        obj.placed_by = request.user
        super().save_model(request, obj, form, change)

    def has_module_permission(self, request):
        return may_arrange(request.user)

    def has_view_permission(self, request, obj=None):
        return may_arrange(request.user)

    def has_add_permission(self, request):
        return may_arrange(request.user)

    def has_change_permission(self, request, obj=None):
        return may_arrange(request.user)

    def has_delete_permission(self, request, obj=None):
        return may_arrange(request.user)
