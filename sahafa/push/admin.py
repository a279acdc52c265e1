"""The newsroom's «عاجل» button. `PushAlertsAdmin` is mixed into the newsroom's
ArticleAdmin (sahafa/newsroom/admin.py): on a public article's page, an editor sends the
alert with one click (a POST to `…/push-alert/`, which calls `alerts.send_alert`); once it
is sent, the page says when and to how many devices. Superusers also see every alert in
its own list."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import alerts
from .models import Alert, Subscription


class PushAlertsAdmin:
    """Mixed into the newsroom's ArticleAdmin before `admin.ModelAdmin`."""

    def get_urls(self):
        return [
            path(
                "<int:object_id>/push-alert/",
                self.admin_site.admin_view(require_POST(self.push_alert_view)),
                name="articles_article_push_alert",
            ),
            *super().get_urls(),
        ]

    def push_alert_view(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        try:
            alerts.send_alert(article, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("The breaking-news alert is on its way to subscribed readers."),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["push_alert"] = {
                "sent": Alert.objects.filter(article=obj).first(),
                "may_send": alerts.enabled() and alerts.may_send(request.user) and obj.is_public,
                "devices": Subscription.objects.count(),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """What was sent, for superusers: alerts are sent from the article's page."""

    list_display = ["title", "created_at", "sent_by", "delivered", "dropped", "failed"]
    readonly_fields = [*list_display, "article", "body", "url"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
