"""How a reader's browser posts the comment form, for the comment stories."""

import time

from django.urls import reverse

from sahafa.comments.forms import issue_token

# The form was shown this long before it is sent: a person reading and typing.
READING_SECONDS = 30


def form_data(article, **fields):
    data = {
        "comment": "تحليل ممتاز، أتفق مع ما جاء في المقال.",
        "author": "ليلى حسن",
        "email": "layla@example.com",
        "url": "",
        "parent": "",
        "phone": "",
        "issued": issue_token(article.pk, at=time.time() - READING_SECONDS),
    }
    data.update(fields)
    return data


def post_comment(client, article, ip="203.0.113.7", **fields):
    return client.post(
        reverse("comments:post", args=[article.pk]),
        form_data(article, **fields),
        REMOTE_ADDR=ip,
    )
