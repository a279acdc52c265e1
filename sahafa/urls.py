from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from sahafa.api.api import api
from sahafa.search import views as search_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", include("sahafa.search.urls")),
    path("api/search", search_views.api, name="search_api"),
    # /api/v1/…, /api/openapi.json, /api/docs (sahafa/api, docs/api.md).
    path("api/", api.urls),
    # Capabilities with their own URL prefix go above the articles' catch-all section URLs.
    path("", include("sahafa.feeds.urls")),
    path("", include("sahafa.comments.urls")),
    path("", include("sahafa.mostread.urls")),
    path("", include("sahafa.revisions.urls")),
    path("", include("sahafa.live.urls")),
    path("", include("sahafa.push.urls")),
    path("", include("sahafa.newsletters.urls")),
    path("", include("sahafa.articles.urls")),
]

if settings.SAHAFA_SERVE_MEDIA:
    # The demo serves uploaded media itself; production puts a web server or CDN in front.
    urlpatterns.insert(0, path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))

handler400 = "sahafa.articles.views.bad_request"
handler404 = "sahafa.articles.views.page_not_found"
handler500 = "sahafa.articles.views.server_error"
