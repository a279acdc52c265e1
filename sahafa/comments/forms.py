import time

from django import forms
from django.core import signing
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sahafa.arabic import normalize

from .conf import comments_setting

ISSUED_SALT = "sahafa.comments.issued"
BODY_MAX_CHARS = 5000


def issue_token(article_id, at=None):
    """The signed moment the form was shown, so a post can prove a person took a while."""
    return signing.dumps({"article": article_id, "at": at or time.time()}, salt=ISSUED_SALT)


def read_token(token, article_id):
    """The time the form was issued for this article, or None if forged, stale or foreign."""
    try:
        data = signing.loads(
            token, salt=ISSUED_SALT, max_age=comments_setting("SAHAFA_COMMENTS_FORM_MAX_AGE")
        )
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("article") != article_id:
        return None
    issued = data.get("at")
    return issued if isinstance(issued, int | float) else None


class CommentForm(forms.Form):
    # Field names as WordPress's form has them, so browsers' autofill knows them.
    comment = forms.CharField(
        label=pgettext_lazy("comment form", "Comment"),
        max_length=BODY_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "rtl"}),
    )
    author = forms.CharField(
        label=pgettext_lazy("comment form", "Name"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=pgettext_lazy("comment form", "Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    url = forms.URLField(
        label=pgettext_lazy("comment form", "Website"),
        max_length=200,
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        widget=forms.URLInput(attrs={"autocomplete": "url", "dir": "ltr"}),
    )
    remember = forms.BooleanField(
        label=_("Save my name, email, and website in this browser for the next time I comment."),
        required=False,
    )
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    issued = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled by bots.
    phone = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    error_messages = {
        "trap": _("Your comment could not be accepted."),
        "too_fast": _(
            "That was very quick. Please read your comment over and send it again in a moment."
        ),
        "stale": _("This form has expired. Please send your comment again."),
    }

    def __init__(self, *args, article, issued=None, **kwargs):
        self.article = article
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["issued"] = issued or issue_token(article.pk)

    def reader_fields(self):
        """The fields a reader fills in, in the order of the reference page."""
        return [self[name] for name in ("comment", "author", "email", "url")]

    def visible(self, name):
        """The field's text, refused as missing when nothing in it can be read: zero-width
        characters, tatweel or lone tashkeel survive strip() but not normalize()."""
        text = self.cleaned_data[name].strip()
        if not normalize(text):
            raise forms.ValidationError(self.fields[name].error_messages["required"], "required")
        return text

    def clean_comment(self):
        return self.visible("comment")

    def clean_author(self):
        return self.visible("author")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("phone"):
            raise forms.ValidationError(self.error_messages["trap"], code="trap")
        issued = read_token(cleaned.get("issued") or "", self.article.pk)
        if issued is None:
            self.data = self.data.copy()
            self.data["issued"] = issue_token(self.article.pk)
            raise forms.ValidationError(self.error_messages["stale"], code="stale")
        if time.time() - issued < comments_setting("SAHAFA_COMMENTS_MIN_FILL_SECONDS"):
            raise forms.ValidationError(self.error_messages["too_fast"], code="too_fast")
        return cleaned
