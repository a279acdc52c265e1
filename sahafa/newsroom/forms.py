"""The article form journalists fill in: a right-to-left rich-text body whose toolbar offers
only what the body's sanitizer keeps, and right-to-left headline inputs."""

from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from sahafa.articles.models import Article
from sahafa.articles.sanitize import sanitize_body

from .buttons import SCHEDULE

# The editor's toolbar. Everything it can produce is in sahafa.articles.sanitize's allow-list
# (tests/newsroom/test_editor_toolbar_matches_the_sanitizer.py keeps them in step).
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Blockquote": True,
    # A pull quote is a blockquote with the one class the sanitizer keeps.
    "NodeClass": {
        "cssClasses": {
            "blockquote": {
                "title": _("Quote"),
                "cssClasses": [{"className": "pullquote", "title": _("Pull quote")}],
            }
        }
    },
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "HardBreak": True,
    # Library images in the body: the dialog's «Browse…» opens the library's picker
    # (sahafa/media/admin.py); a picture is stored as a plain <img> in a <figure>.
    "Figure": {"pickerUrl": reverse_lazy("admin:media_image_picker")},
    "Caption": True,
    "Image": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}

# Headlines are Arabic even when they start with a Latin name («OPEC+ تبحث خفض الإنتاج»):
# the inputs are right to left whatever is typed first (dir="auto" would flip them).
RIGHT_TO_LEFT_INPUT = {"dir": "rtl", "class": "vTextField newsroom-headline-input"}


class ArticleForm(forms.ModelForm):
    body = ProseEditorFormField(
        label=Article._meta.get_field("body").verbose_name,
        required=False,
        config={"extensions": EDITOR_EXTENSIONS},
        sanitize=sanitize_body,
        widget=AdminProseEditorWidget,
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Publish at"),
        required=False,
        widget=admin_widgets.AdminSplitDateTime,
        help_text=_("For «Schedule»: a time in the future. «Publish now» ignores it."),
    )

    class Meta:
        model = Article
        # No status (it changes only through the workflow verbs), no published_at (likewise),
        # no created_by (set by the admin), no source_url (the importer's key).
        fields = [
            "kicker",
            "headline",
            "standfirst",
            "body",
            "lead_image",
            "lead_image_caption",
            "lead_image_credit",
            "section",
            "tags",
            "dateline",
            "is_breaking",
            "materially_updated_at",
            "slug",
            "seo_title",
            "seo_description",
        ]
        widgets = {
            "kicker": forms.TextInput(attrs=RIGHT_TO_LEFT_INPUT),
            "headline": forms.TextInput(attrs=RIGHT_TO_LEFT_INPUT),
            "standfirst": forms.Textarea(
                attrs={"dir": "rtl", "rows": 3, "class": "vLargeTextField"}
            ),
            "lead_image_caption": forms.TextInput(attrs=RIGHT_TO_LEFT_INPUT),
            "dateline": forms.TextInput(attrs={"dir": "rtl"}),
            "seo_title": forms.TextInput(attrs=RIGHT_TO_LEFT_INPUT),
            "seo_description": forms.Textarea(
                attrs={"dir": "rtl", "rows": 2, "class": "vLargeTextField"}
            ),
        }
        help_texts = {"slug": _("Leave empty to make it from the headline.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "publish_at" in self.fields and self.instance.published_at:
            self.fields["publish_at"].initial = self.instance.published_at

    def clean(self):
        cleaned_data = super().clean()
        if SCHEDULE.name in self.data and "publish_at" in self.fields:
            publish_at = cleaned_data.get("publish_at")
            if publish_at is None or publish_at <= timezone.now():
                self.add_error(
                    "publish_at", _("Choose a time in the future to schedule the article.")
                )
        return cleaned_data
