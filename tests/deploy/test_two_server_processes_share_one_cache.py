"""Two `sahafa serve` processes (two machines behind a balancer, or two servers on one)
share one cache: a moderator's or an editor's change, made anywhere, shows through both at
once, from stored pages and from the cards each process keeps."""

import pytest
from django.conf import settings as django_settings

from sahafa.comments import workflow as moderation
from sahafa.comments.models import Comment
from tests.factories import make_article, make_comment
from tests.servers import get

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.deploy]


def test_an_approval_and_a_trashing_show_through_both_servers_at_once(processes, shared_cache):
    article = make_article("الهلال يتوج بكأس الملك")
    waiting = make_comment(article, body="مبروك للهلال هذا اللقب", status=Comment.Status.PENDING)
    shown = make_comment(article, body="تعليق سيُحذف بعد قليل")
    servers = [processes.sahafa(CACHE_URL=shared_cache)[0] for _ in range(2)]
    path = article.get_absolute_url()
    for server in servers:
        for _ in range(3):  # stored, then served from the store
            page = get(server, path)
        assert page.headers["X-Cache"] == "HIT"
        assert shown.body in page.body and waiting.body not in page.body

    moderation.approve(waiting, by=None)
    moderation.trash(shown, by=None)

    for server in servers:
        page = get(server, path)
        assert waiting.body in page.body
        assert shown.body not in page.body
    assert django_settings.CACHES["default"]["BACKEND"].endswith(("FileCache", "RedisCache"))


def test_two_servers_count_one_api_client_together(processes, shared_cache):
    make_article("الهلال يتوج بكأس الملك")
    # A window far longer than the story: the count cannot start again midway.
    servers = [
        processes.sahafa(CACHE_URL=shared_cache, SAHAFA_API_RATE=f"4/{10**9}")[0] for _ in range(2)
    ]

    # Search: never answered from the page cache, so every request reaches a server.
    answers = [get(servers[n % 2], "/api/v1/search?q=cup").status for n in range(4)]
    refused = [get(server, "/api/v1/search?q=cup") for server in servers]

    assert answers == [200, 200, 200, 200]
    assert [answer.status for answer in refused] == [429, 429]
    assert all(int(answer.headers["Retry-After"]) > 0 for answer in refused)


def test_an_edited_headline_shows_on_the_front_page_of_both_servers_at_once(
    processes, shared_cache
):
    story = make_article("انطلاق معرض الرياض الدولي للكتاب")
    make_article("خبر أحدث في الصدارة", section=story.section)
    # No page cache: every view renders the page, from the cards its process kept.
    servers = [
        processes.sahafa(CACHE_URL=shared_cache, SAHAFA_PAGE_CACHE_SECONDS="0")[0] for _ in range(2)
    ]
    for server in servers:
        for _ in range(2):
            assert "انطلاق معرض الرياض الدولي للكتاب" in get(server, "/").body

    story.headline = "معرض الرياض الدولي للكتاب يستقبل مليون زائر"
    story.save()
    story.section.name = "ثقافة وفنون"
    story.section.save()

    for server in servers:
        page = get(server, "/").body
        assert "معرض الرياض الدولي للكتاب يستقبل مليون زائر" in page
        assert "انطلاق معرض الرياض" not in page
        assert "ثقافة وفنون" in page
