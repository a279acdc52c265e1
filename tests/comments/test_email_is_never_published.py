"""«لن يتم نشر عنوان بريدك الإلكتروني»: the commenters' emails, and hashes of them, appear
on no public page, feed, sitemap, API answer, error page, cache entry or INFO log line."""

import hashlib
import logging
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from sahafa.articles.views import server_error
from sahafa.comments import workflow
from sahafa.comments.models import Comment
from tests.comments.posting import post_comment
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]+)</loc>")
EMAILS = ["Layla.Hassan@Example.com", "Omar.Reply@Example.org", "Held.Reader@Example.net"]


def forms_of(email):
    """The email as typed and lowercased, and the md5/sha256 digests gravatar-like services
    use, in hex."""
    forms = set()
    for text in {email, email.lower(), email.strip().lower()}:
        forms |= {
            text,
            hashlib.md5(text.encode()).hexdigest(),
            hashlib.sha256(text.encode()).hexdigest(),
        }
    return forms


def optional_url(name, *args, query=""):
    """A URL another capability may or may not have built yet."""
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


@pytest.fixture
def discussed_article(reader, moderator):
    section = make_section("سياسة", slug="politics")
    article = make_article(
        "كوريا الشمالية تفتح باب الحوار",
        section=section,
        authors=[make_author("سارة العتيبي")],
        tags=["كوريا"],
    )
    first_email, reply_email, held_email = EMAILS
    post_comment(
        reader,
        article,
        email=first_email,
        comment="تعليق أول عن كوريا",
        url="https://layla.example",
    )
    first = Comment.objects.get(email=first_email.lower())
    workflow.approve(first, moderator.user)
    post_comment(
        reader,
        article,
        email=reply_email,
        ip="198.51.100.2",
        parent=str(first.pk),
        comment="رد على التعليق",
    )
    workflow.approve(Comment.objects.get(email=reply_email.lower()), moderator.user)
    held = post_comment(reader, article, email=held_email, ip="198.51.100.3", comment="تعليق محجوز")
    return article, held.headers["Location"]


def public_urls(article, held_link):
    section = article.section
    tag = article.tags.get()
    author = article.authors.get()
    urls = [
        "/",
        article.get_absolute_url(),
        f"{article.get_absolute_url()}?replyto=1",
        held_link,  # what the held comment's author sees
        article.get_share_url(),
        section.get_absolute_url(),
        tag.get_absolute_url(),
        author.get_absolute_url(),
        "/no-such-page/",
        optional_url("search:results", query="?q=كوريا"),
        optional_url("search_api", query="?q=كوريا"),
        optional_url("feeds:latest"),
        optional_url("feeds:section", section.slug),
        optional_url("feeds:tag", tag.slug),
        optional_url("feeds:sitemap"),
        optional_url("feeds:news-sitemap"),
        optional_url("feeds:robots"),
    ]
    return [url for url in urls if url]


def cached_bytes():
    """Every value in the cache, raw, whichever backend runs the suite."""
    if isinstance(getattr(cache, "_cache", None), dict):  # local memory: pickled bytes
        return list(cache._cache.values())
    client = cache._cache.get_client()
    return [client.get(key) or b"" for key in client.keys("*")]


def test_no_public_url_or_cache_entry_carries_an_email(reader, discussed_article):
    article, held_link = discussed_article
    secrets = set().union(*(forms_of(email) for email in EMAILS))
    seen_statuses = {}

    to_visit = public_urls(article, held_link)
    while to_visit:
        url = to_visit.pop(0)
        response = reader.get(url, follow=True)
        seen_statuses[url] = response.status_code
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        if "<sitemapindex" in text:  # visit every sitemap the index lists
            to_visit += [loc.removeprefix(settings.SAHAFA_BASE_URL) for loc in LOC.findall(text)]
        for secret in secrets:
            assert secret not in text, f"{secret} leaked on {url}"
            assert secret.lower() not in text.lower(), f"{secret} leaked on {url}"

    assert seen_statuses[article.get_absolute_url()] == 200
    assert seen_statuses["/no-such-page/"] == 404
    assert all(status == 200 for url, status in seen_statuses.items() if "sitemap" in url)
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "رد على التعليق" in page  # the comments really were on the page
    assert "تعليق محجوز" in reader.get(held_link).content.decode()

    error_page = server_error(RequestFactory().get(article.get_absolute_url())).content.decode()
    assert not [secret for secret in secrets if secret in error_page]

    for raw in cached_bytes():
        for secret in secrets:
            assert secret.encode() not in raw
            assert secret.lower().encode() not in raw.lower()


def test_posting_and_moderating_log_no_email_at_info(reader, moderator, caplog):
    article = make_article()
    email = "Layla.Hassan@Example.com"

    with caplog.at_level(logging.INFO):
        post_comment(reader, article, email=email)
        post_comment(reader, article, email=email, comment="")  # refused
        comment = Comment.objects.get()
        workflow.approve(comment, moderator.user)
        workflow.block_sender(comment, moderator.user)

    assert caplog.records, "the comment path logs its verdicts"
    logged = "\n".join(record.getMessage() for record in caplog.records).lower()
    for secret in forms_of(email):
        assert secret.lower() not in logged
