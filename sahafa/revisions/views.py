from django.core.paginator import Paginator
from django.shortcuts import render

from sahafa.articles import surrogate
from sahafa.articles.models import Article

from .models import Correction

PAGE_SIZE = 30


def corrections(request):
    """`/corrections/`: every correction and update of a public article, newest first.
    Stored by the page cache under `corrections` (forgotten when one is saved) and the
    keys of the articles it names (their headlines and addresses)."""
    notices = Correction.objects.filter(article__in=Article.objects.published()).select_related(
        "article__section"
    )
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    surrogate.show(
        request, "corrections", *surrogate.articles({c.article_id for c in page.object_list})
    )
    return render(request, "revisions/corrections.html", {"page": page})
