from django.contrib import admin

from .models import RelatedPin


@admin.register(RelatedPin)
class RelatedPinAdmin(admin.ModelAdmin):
    """Editors choose an article's «شاهد أيضاً» by hand; it wins over the computed list."""

    list_display = ["article", "pinned"]
    search_fields = ["article__headline", "pinned__headline"]
    autocomplete_fields = ["article", "pinned"]
    list_select_related = ["article", "pinned"]


class RelatedPinInline(admin.StackedInline):
    """The pin on the article's own page in the newsroom (added to the article admin)."""

    model = RelatedPin
    fk_name = "article"
    autocomplete_fields = ["pinned"]
    max_num = 1
    can_delete = True
