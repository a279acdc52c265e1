"""`{% newsletter_form %}`: the sign-up form in the site's footer, the same bytes for every
reader (no CSRF token: sahafa/articles/origins.py)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from sahafa.articles import fragments

from ..forms import SignUpForm

register = template.Library()

TEMPLATE = "newsletters/_form.html"


@register.simple_tag(takes_context=True)
def newsletter_form(context, form=None):
    request = context.get("request")
    if form is None and fragments.same_for_every_reader(request):
        # On every reader page: Django's widget rendering of its two fields was a sixth of
        # an article page's render.
        return fragments.render(
            TEMPLATE, lambda: {"form": SignUpForm()}, varies_by=(), request=request
        )
    # With the request: the context processors give a signed-in reader's form its CSRF token.
    return mark_safe(render_to_string(TEMPLATE, {"form": form or SignUpForm()}, request=request))
