"""`{% newsletter_form %}`: the sign-up form in the site's footer, the same bytes for every
reader (no CSRF token: sahafa/articles/origins.py)."""

from django import template

from ..forms import SignUpForm

register = template.Library()


@register.inclusion_tag("newsletters/_form.html", takes_context=True)
def newsletter_form(context, form=None):
    return {"form": form or SignUpForm(), "request": context.get("request")}
