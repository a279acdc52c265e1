"""The page a newsroom login gets once django-axes has locked it out (AXES_LOCKOUT_CALLABLE):
the Arabic admin's own page with the lockout explained, not a bare English 403."""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse


def locked_out(request, original_response=None, credentials=None):
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    context = {**admin.site.each_context(request), "minutes": minutes, "title": None}
    response = TemplateResponse(
        request, "newsroom/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    return response.render()
