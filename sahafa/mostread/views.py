"""The view beacon: a static script on the article page (`static/mostread/beacon.js`)
posts to /beacon/view once per page view. Pages stay cached and shared: the count happens
in this small request, which is never stored (POST, `no-store`) and writes nothing to the
database. A reader's beacon is answered before Django (`wsgi.BeaconApplication`); one that
carries a session cookie comes here, where the newsroom is recognised and not counted."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import counting, tasks

MAX_ID = 2**63 - 1
HEADERS = (("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"))


def answer(params, meta, newsroom=False):
    """The status for a beacon with query `params` (a mapping of one value each)."""
    try:
        article_id = int(params.get("a", ""))
    except ValueError:
        article_id = 0
    if not 0 < article_id <= MAX_ID or not counting.signed(article_id, params.get("s")):
        return 400
    counting.view(meta, article_id, newsroom)
    tasks.due()
    return 204


@csrf_exempt  # nothing to protect: it counts one anonymous view, at most once per reader
@require_POST
def beacon(request):
    response = HttpResponse(status=answer(request.GET, request.META, counting.is_newsroom(request)))
    for name, value in HEADERS:
        response[name] = value
    return response
