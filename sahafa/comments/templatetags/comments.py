"""`{% comments_for article %}`: the comments region of an article page."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from sahafa.arabic import relative_time
from sahafa.articles import fragments

from ..conf import comments_setting
from ..forms import CommentForm, issue_token
from ..models import Comment, comments_close_at, comments_open
from ..threads import PublicComment, approved_comments, build_tree, read_held_token

register = template.Library()


def _held_comment(request, article):
    """The reader's own comment while it waits, shown only through the signed link the
    post redirected them to."""
    comment_id = read_held_token(request.GET.get("held", "")) if request else None
    if not isinstance(comment_id, int):
        return None
    comment = (
        Comment.objects.filter(
            pk=comment_id,
            article=article,
            status__in=[Comment.Status.PENDING, Comment.Status.SPAM],
        )
        .only("pk", "parent_id", "depth", "name", "url", "body", "created_at", "status")
        .first()
    )
    if comment is None:
        return None
    shown = PublicComment.of(comment)
    shown.held = True
    return shown


def _replying_to(request, approved):
    try:
        parent_id = int(request.GET.get("replyto", ""))
    except (AttributeError, ValueError):
        return None
    return next((comment for comment in approved if comment.id == parent_id), None)


def _closes_at(request, article):
    # Kept per content version: a closing rule's change is announced like any other, and
    # the rule's query was an eighth of an article page's render.
    return fragments.kept(
        ("comments close", article.pk), lambda: comments_close_at(article), request
    )


# Stands for the form's token in the kept HTML: signed tokens are URL-safe base64 and
# colons, which HTML escaping leaves as they are, so the kept bytes take a token verbatim.
_TOKEN_SLOT = "sahafa-issued-token"


def _blank_form(request, article):
    """The form a reader who is not replying sees, rendered once per content version (its
    widgets were two fifths of an open article's render) and given a token of its own."""
    html = fragments.render(
        "comments/_form.html",
        lambda: {"form": CommentForm(article=article, issued=_TOKEN_SLOT), "article": article},
        varies_by=(article.pk,),
        request=request,
    )
    return mark_safe(html.replace(_TOKEN_SLOT, issue_token(article.pk)))


@register.inclusion_tag("comments/_region.html", takes_context=True)
def comments_for(context, article):
    request = context.get("request")
    approved = approved_comments(article.pk)
    shown = list(approved)
    held = _held_comment(request, article)
    if held:
        shown.append(held)
    replying_to = _replying_to(request, approved)
    is_open = comments_open(article, closes=_closes_at(request, article))
    form = blank_form = None
    if is_open and replying_to is None and fragments.same_for_every_reader(request):
        blank_form = _blank_form(request, article)
    elif is_open:
        form = CommentForm(
            article=article, initial={"parent": replying_to.id if replying_to else None}
        )
    return {
        "article": article,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "count": len(approved),
        "thread": build_tree(shown),
        "held": held,
        "is_open": is_open,
        "form": form,
        "blank_form": blank_form,
        "replying_to": replying_to,
        "max_depth": comments_setting("SAHAFA_COMMENTS_MAX_DEPTH"),
    }


@register.filter
def since(value):
    """«منذ ساعتين»"""
    return relative_time((timezone.now() - value).total_seconds(), settings.SAHAFA_DIGITS)
