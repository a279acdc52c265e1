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
from sahafa.frontpage.models import Placement
from sahafa.live import workflow as live_workflow
from sahafa.live.models import Entry
from sahafa.newsroom import roles
from sahafa.revisions.models import Correction
from sahafa.wire import tasks as wire_tasks
from sahafa.wire.drafting import make_draft
from sahafa.wire.models import Feed, WireItem
from sahafa.wire.parsing import parse
from sahafa.wire.polling import file_entries

from .images import placeholder_image
from .photos import place_library_lead, with_library_images

CONTENT = Path(__file__).parent / "content" / "articles.json"
COMMENTS = Path(__file__).parent / "content" / "comments.json"
FRONT_PAGE = Path(__file__).parent / "content" / "front_page.json"
LIVE = Path(__file__).parent / "content" / "live.json"
KEY_URL = "https://demo.sahafa.invalid/{}"
# The wire desk's agencies: their feeds are static files of this app, so the demo site
# serves them to its own poller and needs no internet.
WIRE = Path(__file__).parent / "static" / "demo" / "wire"
WIRE_FEEDS = [
    ("واس", "spa.xml", Feed.Format.RSS, "politics"),
    ("أ ف ب", "afp.xml", Feed.Format.RSS, "world"),
    ("رويترز", "reuters.json", Feed.Format.NINJS, "economy"),
]
WIRE_DRAFTED, WIRE_UPDATE = "spa-demo-visit", "spa-demo-visit-2"


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
    live = json.loads(LIVE.read_text(encoding="utf-8")) if path == CONTENT else {}
    created = existing = 0
    for item in data["articles"]:
        if Article.objects.filter(source_url=KEY_URL.format(item["key"])).exists():
            existing += 1
            continue
        with transaction.atomic():
            article = _create_article(item, sections, authors, now)
            if item["key"] in live:
                _create_live_blog(article, live[item["key"]], now)
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


def _create_live_blog(article, coverage, now):
    """A live blog with its entries, through the live verbs, at the times the file gives."""

    def ago(hours):
        return now - timedelta(hours=hours)

    blog = live_workflow.open_coverage(article, by=None, at=ago(coverage["opened_hours_ago"]))
    for item in coverage["entries"]:
        entry = Entry.objects.create(live_blog=blog, title=item["title"], body=item["body"])
        if not item.get("draft"):
            live_workflow.publish_entry(entry, by=None, at=ago(item["hours_ago"]))
        if item.get("pinned"):
            live_workflow.pin_entry(entry, by=None)
    if not coverage["open"]:
        live_workflow.close_coverage(blog, by=None, at=ago(coverage["closed_hours_ago"]))


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


def arrange_demo_front_page(path=FRONT_PAGE):
    """The editors' arrangement of the home page: a lead story that is not the newest,
    featured stories in order, one story pinned at the top of its section. Placed once,
    on a front page nobody arranged yet; returns how many placements were made."""
    if Placement.objects.exists():
        return 0
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = {
        article.source_url: article
        for article in Article.objects.filter(source_url__startswith=KEY_URL.format(""))
    }
    placed = 0
    for slot in Placement.Slot.values:
        for position, key in enumerate(data.get(slot, []), start=1):
            article = articles.get(KEY_URL.format(key))
            if article is not None and article.status in Article.PUBLIC_STATUSES:
                Placement.objects.create(slot=slot, article=article, position=position)
                placed += 1
    return placed


def load_demo_wire(now=None):
    """The wire desk: three agencies' feeds and their items in the queue — one story told
    by واس and أ ف ب, grouped — and a draft made from واس's item before the agency sent an
    update, which is flagged on the draft. Loaded once; returns how many items were filed."""
    base = settings.SAHAFA_BASE_URL.rstrip("/")
    urls = {
        name: f"{base}{settings.STATIC_URL}demo/wire/{filename}"
        for name, filename, *_ in WIRE_FEEDS
    }
    # The demo served on another port: its feeds follow it.
    for name, url in urls.items():
        path = url.removeprefix(base)
        Feed.objects.filter(name=name, url__endswith=path).exclude(url=url).update(url=url)
    if WireItem.objects.exists():
        return 0
    now = now or timezone.now()
    filed = 0
    for name, filename, format, section in WIRE_FEEDS:
        feed, _ = Feed.objects.get_or_create(
            name=name,
            defaults={
                "url": urls[name],
                "format": format,
                "poll_minutes": 10,
                "section": Section.objects.filter(slug=section).first(),
                "next_poll_at": now + timedelta(minutes=10),
                "last_success_at": now,
            },
        )
        entries = parse(format, (WIRE / filename).read_bytes())
        with transaction.atomic():
            filed += file_entries(feed, [e for e in entries if e.guid != WIRE_UPDATE], now).new
    make_draft(WireItem.objects.get(guid=WIRE_DRAFTED), by=None)
    # Later, واس sends the story again with a new paragraph.
    with transaction.atomic():
        spa = Feed.objects.get(name=WIRE_FEEDS[0][0])
        filed += file_entries(spa, parse(spa.format, (WIRE / "spa.xml").read_bytes())).new
    wire_tasks.schedule_next()
    return filed


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
