"""The view beacon: a static script on the article page (`static/mostread/beacon.js`)
posts here once per page view. Pages stay cached and shared: the count happens in this
small request, which is never stored (POST, `no-store`) and writes nothing to the database."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import counting, tasks

MAX_ID = 2**63 - 1


@csrf_exempt  # nothing to protect: it counts one anonymous view, at most once per reader
@require_POST
def beacon(request):
    try:
        article_id = int(request.GET.get("a", ""))
    except ValueError:
        article_id = 0
    if not 0 < article_id <= MAX_ID or not counting.signed(article_id, request.GET.get("s")):
        response = HttpResponse(status=400)
    else:
        counting.view(request, article_id)
        tasks.due()
        response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response
