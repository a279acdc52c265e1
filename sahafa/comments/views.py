import logging

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sahafa.articles.models import Article
from sahafa.articles.origins import sent_from_elsewhere

from . import limits, workflow
from .conf import comments_setting
from .forms import CommentForm
from .models import Comment, comments_open, text_fingerprint
from .spam import Submission
from .threads import held_token

logger = logging.getLogger(__name__)


def _refuse(request, article, form, message, status):
    """Answer with the form again: the reader's text kept, the reason in Arabic above it."""
    form.is_valid()
    if message:
        form.add_error(None, message)
    logger.info("comment on article %s refused (%s)", article.pk, status)
    return render(
        request, "comments/form_page.html", {"article": article, "form": form}, status=status
    )


def _parent_for(form, article):
    """The comment being replied to: approved, on this article. Past the deepest level a
    reply joins its parent's conversation instead, so nothing the reader wrote is lost."""
    parent_id = form.cleaned_data.get("parent")
    if not parent_id:
        return None
    parent = Comment.objects.approved().filter(pk=parent_id, article=article).first()
    if parent is None:
        form.add_error(None, _("The comment you are replying to is no longer available."))
        return None
    while parent.depth >= comments_setting("SAHAFA_COMMENTS_MAX_DEPTH") and parent.parent_id:
        parent = parent.parent
    return parent


@csrf_exempt
@require_POST
def post_comment(request, article_id):
    article = get_object_or_404(
        Article.objects.published().select_related("section"), pk=article_id
    )
    form = CommentForm(request.POST, article=article)
    if sent_from_elsewhere(request):
        message = _("This form could not be verified. Please send it again from this page.")
        return _refuse(request, article, form, message, 403)
    if not comments_open(article):
        return _refuse(request, article, form, _("Comments are closed on this article."), 403)
    ip = request.META.get("REMOTE_ADDR") or None
    too_many = _("You have sent too many comments. Please wait a few minutes and try again.")
    if ip and limits.over_limit("ip", ip, comments_setting("SAHAFA_COMMENTS_RATE_PER_IP")):
        return _refuse(request, article, form, too_many, 429)
    if not form.is_valid():
        return _refuse(request, article, form, "", 400)
    data = form.cleaned_data
    email = data["email"].strip().lower()
    if limits.over_limit("email", email, comments_setting("SAHAFA_COMMENTS_RATE_PER_EMAIL")):
        return _refuse(request, article, form, too_many, 429)
    parent = _parent_for(form, article)
    if form.errors:
        return _refuse(request, article, form, "", 400)
    duplicate = (
        Comment.objects.filter(article=article, fingerprint=text_fingerprint(data["comment"]))
        .by_sender(email, ip)
        .exclude(status=Comment.Status.TRASH)
        .exists()
    )
    if duplicate:
        message = _("Duplicate comment: it looks as though you have already said that.")
        return _refuse(request, article, form, message, 409)
    comment = workflow.post(
        Submission(
            article=article,
            name=data["author"].strip(),
            email=email,
            url=data["url"],
            body=data["comment"],
            ip=ip,
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        ),
        parent=parent,
    )
    url = article.get_absolute_url()
    if comment.status == Comment.Status.APPROVED:
        return redirect(f"{url}#comment-{comment.pk}")
    return redirect(f"{url}?held={held_token(comment)}#comment-{comment.pk}")
