"""`EditLockAdmin`, mixed into the newsroom's ArticleAdmin (sahafa/newsroom/admin.py):
opening an article's form takes its lock (or shows who holds it, with «تولي التحرير»),
the form carries the version it was opened on, and a save is refused — the journalist's
text kept in the form, with an Arabic error — when someone else holds the lock or saved
the article in the meantime. Two small views under the article's change page: the page's
heartbeat (POST `…/lock/`) and taking the lock over (POST `…/lock/take-over/`)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import locks

# The admin's buttons after which the journalist is not on the article's form any more.
LEAVING_THE_FORM = {"_save", "_addanother"}


def _time(moment):
    return formats.time_format(timezone.localtime(moment), "H:i")


def lock_checked(form_class, user):
    """`form_class` with the version it was opened on, refusing a save that would
    overwrite another journalist's work."""

    class LockCheckedForm(form_class):
        edit_version = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["edit_version"].initial = locks.version_of(self.instance)

        def clean(self):
            cleaned_data = super().clean()
            article = self.instance
            other = locks.held_by_another(article.pk, user)
            if other is not None:
                raise forms.ValidationError(
                    _(
                        "%(name)s took over editing this article at %(time)s. What you wrote "
                        "was not saved: it is still in the form below. Copy it, or take over "
                        "again and save."
                    )
                    % {"name": locks.holder_name(other), "time": _time(other.since)}
                )
            # Read under a row lock: two saves of one article are checked one after the other.
            stored = type(article).objects.select_for_update().filter(pk=article.pk).first()
            if stored is not None and cleaned_data.get("edit_version") != locks.version_of(stored):
                # Saving again is a deliberate choice: the form now carries the stored version.
                self.data = self.data.copy()
                self.data[self.add_prefix("edit_version")] = locks.version_of(stored)
                raise forms.ValidationError(
                    _(
                        "This article was saved by someone else at %(time)s, after you opened "
                        "it. What you wrote was not saved: it is still in the form below. "
                        "Compare it with the article on the site; saving again replaces "
                        "their version with yours."
                    )
                    % {"time": _time(stored.updated_at)}
                )
            return cleaned_data

    return LockCheckedForm


class EditLockAdmin:
    """Mixed into the newsroom's ArticleAdmin before `admin.ModelAdmin`."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return lock_checked(form, request.user) if obj is not None else form

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/lock/",
                view(require_POST(self.heartbeat_view)),
                name="articles_article_lock",
            ),
            path(
                "<path:object_id>/lock/take-over/",
                view(require_POST(self.take_over_view)),
                name="articles_article_take_over",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is not None:
            article = self.get_object(request, unquote(object_id))
            if article is not None and self.has_change_permission(request, article):
                extra_context = {
                    **(extra_context or {}),
                    "edit_lock": self._lock_context(request, article),
                }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _lock_context(self, request, article):
        if request.method == "GET":
            other = locks.hold(article.pk, request.user)
        else:
            other = locks.held_by_another(article.pk, request.user)
        context = {
            "heartbeat_url": reverse("admin:articles_article_lock", args=[article.pk]),
            "heartbeat_seconds": locks.HEARTBEAT_SECONDS,
            "take_over_url": reverse("admin:articles_article_take_over", args=[article.pk]),
        }
        if other is not None:
            context.update({"holder": locks.holder_name(other), "since": other.since})
        return context

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            return
        if LEAVING_THE_FORM.intersection(request.POST):
            locks.release(obj.pk, request.user)
        else:  # «حفظ ومتابعة التحرير», a workflow button: back to the form
            locks.hold(obj.pk, request.user)

    def _editable_article(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def heartbeat_view(self, request, object_id):
        article = self._editable_article(request, object_id)
        other = locks.hold(article.pk, request.user)
        if other is None:
            return JsonResponse({"held": True})
        message = _(
            "%(name)s took over editing this article at %(time)s. Saving your changes will be "
            "refused: copy what you wrote before leaving the page."
        ) % {"name": locks.holder_name(other), "time": _time(other.since)}
        return JsonResponse({"held": False, "message": message}, status=409)

    def take_over_view(self, request, object_id):
        article = self._editable_article(request, object_id)
        other = locks.held_by_another(article.pk, request.user)
        locks.take_over(article.pk, request.user)
        if other is not None:
            self.message_user(
                request,
                _("You took over editing this article from %(name)s.")
                % {"name": locks.holder_name(other)},
                messages.WARNING,
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
