"""Template tags for reader pages: `{% lead_figure article %}` (the lead image: from the
library as a `<picture>` of its renditions, else the article's own uploaded image) and
`{% article_body article %}` (the body with library figures and embed placeholders).
`articles/detail.html` loads them, as it loads the comments' tags; `articles` imports
nothing of this app."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from .. import csp, pictures
from ..body import render_body
from ..models import Rendition

register = template.Library()


@register.inclusion_tag("media/_lead_figure.html")
def lead_figure(article):
    image = pictures.lead_library_image(article)
    if image is None:
        return {"article": article}
    return {"article": article, "picture": pictures.picture(image, Rendition.Crop.WIDE, lead=True)}


@register.simple_tag(takes_context=True)
def article_body(context, article):
    body, shown = render_body(article.body)
    if not shown:
        return body
    csp.note_frame_sources(context.get("request"), {embed.provider.origin for embed in shown})
    return format_html('{}<script src="{}" defer></script>', body, static("media/embeds.js"))
