"""An Akismet-style service can be plugged in as one dotted path; none is called by default."""

import pytest

from sahafa.comments.models import Comment
from sahafa.comments.spam import Submission, Verdict
from tests.comments.posting import post_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

seen = []


def checker_that_flags_casinos(submission: Submission):
    seen.append(submission)
    if "كازينو" in submission.body:
        return Verdict(Comment.Status.SPAM, "external: casino")
    return None


def checker_that_is_down(submission):
    raise ConnectionError("service unreachable")


def test_the_external_checker_sees_the_submission_and_its_verdict_is_stored(reader, settings):
    settings.SAHAFA_COMMENTS_EXTERNAL_CHECKER = f"{__name__}.checker_that_flags_casinos"
    seen.clear()
    article = make_article()

    post_comment(reader, article, comment="أفضل كازينو على الإنترنت")
    post_comment(reader, article, comment="مقال رائع", email="other@example.com", ip="198.51.100.4")

    assert [s.body for s in seen] == ["أفضل كازينو على الإنترنت", "مقال رائع"]
    assert seen[0].ip == "203.0.113.7"
    flagged = Comment.objects.get(body="أفضل كازينو على الإنترنت")
    assert (flagged.status, flagged.reason) == ("spam", "external: casino")
    assert Comment.objects.get(body="مقال رائع").status == "pending"


def test_a_failing_checker_holds_the_comment_instead_of_losing_it(reader, settings):
    settings.SAHAFA_COMMENTS_EXTERNAL_CHECKER = f"{__name__}.checker_that_is_down"
    article = make_article()

    response = post_comment(reader, article)

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comment.reason == "تعذّر الفحص الخارجي للرسائل المزعجة"
