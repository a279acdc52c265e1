"""The newsroom's pages for an article's revisions, and the corrections inline.

`RevisionsAdmin` is mixed into the newsroom's `ArticleAdmin` (sahafa/newsroom/admin.py):
it keeps a revision on every save of the form and adds three pages under the article's
change page — the list, a side-by-side comparison of two revisions with word-level
differences, and restoring one (POST). Who sees them is who sees the article in the
newsroom (`get_queryset`: `editable_by`); who restores is who may edit it.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sahafa.arabic import plain_text
from sahafa.arabic.diff import word_diff
from sahafa.articles.models import Article

from . import history
from .models import TEXT_FIELDS, Correction, Revision


class CorrectionInline(admin.StackedInline):
    """Editors add a «تصحيح» or «تحديث» to a published article."""

    model = Correction
    fields = ["kind", "at", "text"]
    extra = 0
    verbose_name = gettext_lazy("correction or update")

    def _allowed(self, request, obj):
        return (
            obj is not None
            and obj.status in Article.PUBLIC_STATUSES
            and request.user.has_perm("articles.publish_article")
        )

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_add_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request, obj)


def _display_text(revision, name):
    value = getattr(revision, name)
    return plain_text(value) if name == "body" else value


class RevisionsAdmin:
    """Mixed into the newsroom's ArticleAdmin before `admin.ModelAdmin`."""

    def save_model(self, request, obj, form, change):
        if change and obj.pk:
            history.record_baseline(obj.pk)
        super().save_model(request, obj, form, change)
        history.record(obj, request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                if correction.pk is None:
                    correction.created_by = request.user
                correction.save()
            for gone in formset.deleted_objects:
                gone.delete()
            return
        super().save_formset(request, form, formset, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/revisions/",
                view(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<int:object_id>/revisions/compare/",
                view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<int:object_id>/revisions/<int:revision_id>/restore/",
                view(require_POST(self.restore_view)),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def _article(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": title,
            "may_restore": history.may_restore(request.user, article),
        }

    def revisions_view(self, request, object_id):
        article = self._article(request, object_id)
        revisions = list(
            Revision.objects.filter(article=article).select_related("author", "restored_from")
        )
        # What each revision changed from the one before it (the oldest: nothing to say).
        for index, revision in enumerate(revisions):
            previous = revisions[index + 1] if index + 1 < len(revisions) else None
            revision.changed_fields = [
                Article._meta.get_field(name).verbose_name
                for name in TEXT_FIELDS
                if previous is not None and getattr(revision, name) != getattr(previous, name)
            ]
        context = self._context(request, article, _("Revisions"))
        context["revisions"] = revisions
        return TemplateResponse(request, "revisions/revision_list.html", context)

    def compare_view(self, request, object_id):
        article = self._article(request, object_id)
        chosen = Revision.objects.filter(article=article).select_related("author")
        try:
            ids = [int(request.GET["a"]), int(request.GET["b"])]
        except (KeyError, ValueError):
            raise Http404 from None
        found = {revision.pk: revision for revision in chosen.filter(pk__in=ids)}
        if len(found) != len(set(ids)) or len(set(ids)) != 2:
            raise Http404
        old, new = sorted(found.values(), key=lambda r: (r.created_at, r.pk))
        fields = []
        for name in TEXT_FIELDS:
            left, right = word_diff(_display_text(old, name), _display_text(new, name))
            fields.append(
                {
                    "label": Article._meta.get_field(name).verbose_name,
                    "left": left,
                    "right": right,
                    "changed": getattr(old, name) != getattr(new, name),
                }
            )
        context = self._context(request, article, _("Compare revisions"))
        context.update({"old": old, "new": new, "fields": fields})
        return TemplateResponse(request, "revisions/compare.html", context)

    def restore_view(self, request, object_id, revision_id):
        article = self._article(request, object_id)
        revision = get_object_or_404(Revision, pk=revision_id, article=article)
        history.restore(revision, request.user)
        self.message_user(request, _("The text of that revision was restored."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
