"""Every address the site has, for the stories that try them all (a NUL byte in each
parameter, fuzzed segments and query strings)."""

from django.contrib.contenttypes.models import ContentType
from django.urls import get_resolver

from sahafa.articles.models import Article


def address_templates(resolver=None, prefix=""):
    """Every URL pattern as (format string, parameter names), namespaces included."""
    resolver = resolver or get_resolver()
    for entries in resolver.reverse_dict.lists():
        for possibilities, _pattern, _defaults, _converters in entries[1]:
            for format_string, params in possibilities:
                yield prefix + format_string, tuple(params)
    for namespace_prefix, namespaced in resolver.namespace_dict.values():
        yield from address_templates(namespaced, prefix + namespace_prefix)


def sensible_values(article, user):
    """A real value for each parameter, so a NUL in one parameter reaches the view with the
    others pointing at something that exists."""
    return {
        "section": article.section.slug,
        "slug": article.slug,
        "pk": article.pk,
        "article_id": article.pk,
        "object_id": article.pk,
        "id": user.pk,
        "app_label": "articles",
        "content_type_id": ContentType.objects.get_for_model(Article).pk,
        "queue_index": 0,
        "connection_index": 0,
        "scheduler_index": 0,
    }
