from django.conf import settings

from .models import Section


def site(request):
    return {
        "site_name": settings.SAHAFA_SITE_NAME,
        "base_url": settings.SAHAFA_BASE_URL,
        "nav_sections": Section.objects.all(),
    }
