from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from sahafa.articles import fragments

from .engine import search
from .forms import SearchForm, page_number, query_text
from .highlight import highlight, snippet


@require_GET
def results(request):
    text = query_text(request)
    form = SearchForm(request.GET)
    found = search(text, page=page_number(request), **form.filters()) if text else None
    cards = []
    if found:
        for article in found.articles:
            _plain, marked = snippet(article, found.query.terms)
            cards.append(
                {
                    "article": article,
                    "headline": highlight(article.headline, found.query.terms),
                    "snippet": marked,
                }
            )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/results.html",
        {
            "search_text": text,
            "filters": _filters(request, form),
            "results": found,
            "cards": cards,
            "page_query": params.urlencode(),
        },
    )


FILTERS = "search/_filters.html"


def _filters(request, form):
    """The filters' fields; with none chosen, the same for every search (their widgets
    were a tenth of a results page's render), kept per content version like a card."""
    if any(request.GET.get(name) for name in form.fields):
        return mark_safe(render_to_string(FILTERS, {"form": form}))
    return fragments.render(FILTERS, lambda: {"form": SearchForm()}, varies_by=(), request=request)


@require_GET
def api(request):
    form = SearchForm(request.GET)
    filters = form.filters()
    if form.errors:
        errors = {field: list(messages) for field, messages in form.errors.items()}
        return JsonResponse(
            {"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    text = query_text(request)
    found = search(text, page=page_number(request), **filters)
    payload = []
    for article in found.articles:
        plain, marked = snippet(article, found.query.terms)
        payload.append(
            {
                "title": article.headline,
                "url": settings.SAHAFA_BASE_URL + article.get_absolute_url(),
                "excerpt": plain,
                "highlight": str(marked),
                "published_at": timezone.localtime(article.published_at).isoformat(),
                "section": article.section.name,
            }
        )
    return JsonResponse(
        {
            "results": payload,
            "total": found.total,
            "page": found.page,
            "took_ms": round(found.took_ms, 2),
        },
        json_dumps_params={"ensure_ascii": False},
    )
