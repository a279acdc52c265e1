"""The workflow buttons under an article's form. Each one calls a verb from
sahafa.articles.workflow after the admin has saved the form."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from sahafa.articles import workflow
from sahafa.articles.models import Article

Status = Article.Status


@dataclass(frozen=True)
class WorkflowButton:
    name: str  # the submit button's name in the POST
    label: Any
    for_publishers: bool  # needs articles.publish_article; writers get the others
    offered_when: Callable[[Article], bool]
    verb: Callable
    done: Any  # the message once the verb has run
    takes_publish_at: bool = False  # «Schedule» publishes at the form's «publish at»

    def offered_for(self, article, user_can_publish):
        return self.for_publishers == user_can_publish and self.offered_when(article)

    def perform(self, article, by, publish_at=None):
        """Runs the verb and returns the message for the journalist; raises what the verb
        raises (PermissionDenied, ValidationError)."""
        if not self.takes_publish_at:
            self.verb(article, by=by)
            return str(self.done)
        self.verb(article, by=by, at=publish_at)
        return self.done % {"time": date_format(timezone.localtime(publish_at), "DATETIME_FORMAT")}


SUBMIT = WorkflowButton(
    "_submit_for_review",
    _("Submit for review"),
    for_publishers=False,
    offered_when=lambda article: article.status == Status.DRAFT,
    verb=workflow.submit,
    done=_("The article was sent to the editors for review."),
)
PUBLISH = WorkflowButton(
    "_publish",
    _("Publish now"),
    for_publishers=True,
    offered_when=lambda article: not article.is_public,
    verb=workflow.publish,
    done=_("The article is published."),
)
SCHEDULE = WorkflowButton(
    "_schedule",
    _("Schedule"),
    for_publishers=True,
    offered_when=lambda article: not article.is_public and article.status != Status.ARCHIVED,
    verb=workflow.publish,
    done=_("The article is scheduled for %(time)s."),
    takes_publish_at=True,
)
UNPUBLISH = WorkflowButton(
    "_unpublish",
    _("Unpublish"),
    for_publishers=True,
    offered_when=lambda article: article.status in workflow.PUBLIC,
    verb=workflow.unpublish,
    done=_("The article was taken off the site and is a draft again."),
)
RETURN_TO_WRITER = WorkflowButton(
    "_return_to_writer",
    _("Return to writer"),
    for_publishers=True,
    offered_when=lambda article: article.status == Status.REVIEW,
    verb=workflow.return_to_writer,
    done=_("The article was returned to its writer."),
)
ARCHIVE = WorkflowButton(
    "_archive",
    _("Archive"),
    for_publishers=True,
    offered_when=lambda article: article.pk is not None and article.status != Status.ARCHIVED,
    verb=workflow.archive,
    done=_("The article is archived."),
)
BUTTONS = (SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, RETURN_TO_WRITER, ARCHIVE)


def pressed(post_data):
    """The workflow button a POST came from, if any."""
    return next((button for button in BUTTONS if button.name in post_data), None)
