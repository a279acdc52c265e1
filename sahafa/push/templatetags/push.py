"""`{% push_optin %}`: the «تنبيهات الأخبار العاجلة» button, in the site's footer. The
same bytes for every reader (the page cache shares them): the site's public VAPID key and
static script only."""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("push/optin.html")
def push_optin():
    return {"key": settings.SAHAFA_VAPID_PUBLIC_KEY}
