"""The moment a story breaks, its page is asked for by many readers at once before it was
ever stored: one process renders it, the others wait for that render."""

import threading

import pytest
from django.core.signals import request_started
from django.db import connection

from tests.factories import make_article
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 30


def test_thirty_readers_of_a_cold_page_cause_one_render(newsroom_roles_kept):
    article = make_article("عاجل: زلزال بقوة 6 درجات يضرب المنطقة")
    renders, answers = [], []
    start = threading.Barrier(READERS)

    def count_render(sender, environ, **kwargs):
        renders.append(environ["PATH_INFO"])

    def reader():
        start.wait()
        try:
            answers.append(fetch(article.get_absolute_url()))
        finally:
            connection.close()

    request_started.connect(count_render)
    try:
        threads = [threading.Thread(target=reader) for _ in range(READERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        request_started.disconnect(count_render)

    assert len(renders) == 1
    assert len(answers) == READERS
    assert {answer.status for answer in answers} == {200}
    assert len({answer.body for answer in answers}) == 1
    assert sorted(answer.cache for answer in answers) == ["HIT"] * (READERS - 1) + ["MISS"]
