from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=pgettext_lazy("newsletter", "Your email address"),
        max_length=254,
        error_messages={
            "required": _("Write your email address to subscribe."),
            "invalid": _("That does not look like an email address. Check it and try again."),
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "dir": "ltr", "placeholder": "name@example.com"}
        ),
    )
    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        # Not id_email: an article page has the comment form's field of that id too.
        kwargs.setdefault("auto_id", "newsletter-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your sign-up could not be accepted."), code="trap")
        return cleaned
