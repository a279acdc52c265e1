"""Loads the demo newspaper shipped in content/articles.json.

Times in the file are relative ("hours ago"), so the demo looks fresh whenever it is
loaded. Loading is idempotent: an article whose key is already there is left alone, so an
editor's changes to the demo survive a re-run.
"""

import json
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article, Author, Byline, Section, Tag
from sahafa.comments import workflow as moderation
from sahafa.comments.models import BlockedPhrase, Comment
from sahafa.comments.spam import Submission
from sahafa.newsroom import roles
from sahafa.revisions.models import Correction

from .images import placeholder_image
from .photos import place_library_lead, with_library_images

CONTENT = Path(__file__).parent / "content" / "articles.json"
COMMENTS = Path(__file__).parent / "content" / "comments.json"
KEY_URL = "https://demo.sahafa.invalid/{}"


def load_demo_content(path=CONTENT, now=None):
    """Returns (created, already_there)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    now = now or timezone.now()
    sections = {}
    for item in data["sections"]:
        sections[item["slug"]], _ = Section.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item.get("description", ""),
                "order": item.get("order", 100),
            },
        )
    authors = {}
    for item in data["authors"]:
        authors[item["slug"]], _ = Author.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], "bio": item.get("bio", "")}
        )
    created = existing = 0
    for item in data["articles"]:
        if Article.objects.filter(source_url=KEY_URL.format(item["key"])).exists():
            existing += 1
            continue
        with transaction.atomic():
            _create_article(item, sections, authors, now)
        created += 1
    return created, existing


def _create_article(item, sections, authors, now):
    article = Article(
        source_url=KEY_URL.format(item["key"]),
        section=sections[item["section"]],
        kicker=item.get("kicker", ""),
        headline=item["headline"],
        standfirst=item.get("standfirst", ""),
        body=with_library_images(item["body"]),
        dateline=item.get("dateline", ""),
        is_breaking=item.get("breaking", False),
    )
    article.created_at = now - timedelta(hours=max(item["hours_ago"], 0) + 2)
    if item.get("updated_hours_ago") is not None:
        article.materially_updated_at = now - timedelta(hours=item["updated_hours_ago"])
    image = item.get("image")
    if image:
        article.lead_image_caption = image.get("caption", "")
        article.lead_image_credit = image.get("credit", "")
        article.lead_image.save(f"{item['key']}.jpg", placeholder_image(image["hue"]), save=False)
    article.save()
    place_library_lead(article, item.get("library_lead"))
    for order, slug in enumerate(item.get("authors", [])):
        Byline.objects.create(article=article, author=authors[slug], order=order)
    for name in item.get("tags", []):
        article.tags.add(Tag.objects.get_or_create(name=name)[0])
    status = item.get("status", "published")
    if status == "published":
        workflow.publish(article, by=None, at=now - timedelta(hours=item["hours_ago"]))
    elif status == "review":
        workflow.submit(article, by=None)
    for notice in item.get("corrections", []):
        Correction.objects.create(
            article=article,
            kind=notice["kind"],
            text=notice["text"],
            at=now - timedelta(hours=notice["hours_ago"]),
        )
    return article


def load_demo_comments(path=COMMENTS):
    """A few conversations under the demo articles, and a short moderation queue.
    Comments are loaded once, with the articles they belong to; returns how many."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = {
        article.source_url: article
        for article in Article.objects.filter(source_url__startswith=KEY_URL.format(""))
    }
    if Comment.objects.filter(article__in=articles.values()).exists():
        return 0
    for phrase in data["blocked_phrases"]:
        BlockedPhrase.objects.get_or_create(phrase=phrase)
    posted = {}
    for item in data["comments"]:
        article = articles.get(KEY_URL.format(item["article"]))
        if article is None or not article.is_public:
            continue
        submission = Submission(
            article=article,
            name=item["name"],
            email=item["email"],
            url="",
            body=with_library_images(item["body"]),
            ip=None,
            user_agent="sahafa demo",
        )
        with transaction.atomic():
            comment = moderation.post(submission, parent=posted.get(item.get("parent")))
            comment.created_at = article.published_at + timedelta(hours=item["hours_after"])
            comment.save(update_fields=["created_at"])
            if item["status"] == "approved" and comment.status != Comment.Status.APPROVED:
                moderation.approve(comment, by=None)
        posted[item["ref"]] = comment
    return len(posted)


def ensure_demo_accounts():
    """The admin account, plus one account per newsroom role so each can be tried.
    Returns lines to print; a generated password is printed once, when it is created."""
    if User.objects.filter(username="admin").exists():
        return ["Admin account: admin (already created; password unchanged)."]
    password = settings.SAHAFA_ADMIN_PASSWORD or secrets.token_urlsafe(12)
    User.objects.create_superuser("admin", "admin@sahafa.invalid", password)
    lines = [f"Admin account: admin / {password}"]
    for username, group in [
        ("writer", roles.WRITER),
        ("editor", roles.EDITOR),
        ("moderator", roles.COMMENT_MODERATOR),
    ]:
        user = User.objects.create_user(username, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        lines.append(f"Newsroom account: {username} ({group}) / same password")
    return lines
