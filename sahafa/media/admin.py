"""The library in the newsroom: upload (checked and stripped of metadata, sahafa/media/
uploads.py), search in Arabic through the normalizer, reuse — as an article's lead image
(the inline below, added to the article admin) or in a body (the editor's image dialog
opens the picker, which hands back the image's address, alt text and caption)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import uploads
from .models import Image, LeadImage

PICKER_PAGE_SIZE = 60


class ImageForm(forms.ModelForm):
    # A plain file field: Django's image field would open the file itself and answer a
    # decompression bomb with a generic message before ours could say what is wrong.
    file = forms.FileField(label=_("image file"))

    class Meta:
        model = Image
        fields = ["file", "alt", "caption", "credit", "focal_x", "focal_y"]
        widgets = {
            "alt": forms.TextInput(attrs={"dir": "rtl", "class": "vTextField"}),
            "caption": forms.TextInput(attrs={"dir": "rtl", "class": "vTextField"}),
            "credit": forms.TextInput(attrs={"dir": "rtl", "class": "vTextField"}),
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not isinstance(upload, UploadedFile):
            return upload  # the stored file, kept
        try:
            return uploads.checked_upload(upload)
        except ValidationError as error:
            raise ValidationError(error.messages) from error


def thumbnail_url(image):
    smallest = min(
        (r for r in image.renditions.all() if r.format == "webp" and r.crop == "full"),
        key=lambda rendition: rendition.width,
        default=None,
    )
    return smallest.file.url if smallest else image.file.url


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["preview", "alt", "caption", "credit", "renditions_made", "created_at"]
    list_display_links = ["preview", "alt"]
    search_fields = ["search_text"]
    readonly_fields = ["address", "dimensions", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["file", "alt", "caption", "credit"]}),
        (_("Focal point"), {"fields": ["focal_x", "focal_y"]}),
        (_("Record"), {"fields": ["address", "dimensions", "uploaded_by", "created_at"]}),
    ]
    list_per_page = 40

    class Media:
        css = {"all": ["media/library.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    def get_search_results(self, request, queryset, search_term):
        # Through the normalizer: «اسامة» finds «أسامة», «صوره» finds «صورة».
        if not search_term.strip():
            return queryset, False
        return queryset.matching(search_term), False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("image"))
    def preview(self, image):
        return format_html(
            '<img class="library-thumbnail" src="{}" alt="" width="96" loading="lazy">',
            thumbnail_url(image),
        )

    @admin.display(description=_("renditions"))
    def renditions_made(self, image):
        return len(image.renditions.all())

    @admin.display(description=_("address for article bodies"))
    def address(self, image):
        return format_html('<code dir="ltr">{}</code>', image.file.url) if image.file else "—"

    @admin.display(description=_("size in pixels"))
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"

    def get_urls(self):
        return [
            path(
                "picker/",
                self.admin_site.admin_view(self.picker_view),
                name="media_image_picker",
            ),
            *super().get_urls(),
        ]

    def picker_view(self, request):
        """The editor's «Browse…» window: choose an image and it goes back to the dialog."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "")
        images = self.get_queryset(request)
        if query.strip():
            images = images.matching(query)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose an image from the library"),
            "images": images[:PICKER_PAGE_SIZE],
            "query": query,
            "function_number": request.GET.get("CKEditorFuncNum", ""),
        }
        return TemplateResponse(request, "media/picker.html", context)


class LeadImageInline(admin.StackedInline):
    """«صورة رئيسية من المكتبة» on the article's page in the newsroom."""

    model = LeadImage
    fk_name = "article"
    autocomplete_fields = ["image"]
    max_num = 1
    can_delete = True
