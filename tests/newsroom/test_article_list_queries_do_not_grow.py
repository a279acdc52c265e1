"""The article list shows bylines and sections without one query per article."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def queries_for_the_list(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    return len(queries)


def add_articles(count, section, authors):
    for n in range(count):
        make_article(f"خبر رقم {n}", section=section, authors=authors, published=n % 2 == 0)


def test_forty_articles_cost_no_more_queries_than_four(editor):
    section = make_section()
    authors = [make_author("هند"), make_author("سلمان")]
    add_articles(4, section, authors)
    with_four = queries_for_the_list(editor)

    add_articles(36, section, authors)
    with_forty = queries_for_the_list(editor)

    assert with_forty == with_four
