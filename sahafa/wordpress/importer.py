"""Moving a WordPress site into Sahafa: `import_export()` reads a WXR export as a stream and
writes its posts, comments and old addresses in batches, each batch one transaction.

- The file is scanned once before anything is written (`wxr.scan`): a malformed export
  stops with the line of its error and leaves the database as it was.
- A post's key is the export's site URL plus its post id, stored as the article's
  `source_url` (`http://old.example/?p=123`, WordPress's own short link), so a re-run
  updates in place and adds nothing twice; a comment's key is the site plus its comment
  id (`ImportedComment`).
- A batch writes whole articles (section, tags, byline, history, comments, old addresses)
  or nothing: an interrupted import (a crash, Ctrl-C, `kill -9`) is finished by running
  it again. New articles get their state through the workflow's bulk verbs
  (`publish_imported`, `file_imported`), comments through `comments.workflow.import_comments`.
- When the last batch has committed, `articles_imported` is sent once (search index and
  «شاهد أيضاً» lists in bulk), as `sahafa import-json` does.

What maps to what, and what is dropped: docs/wordpress.md.
"""

import html
import ipaddress
import re
import resource
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from sahafa.arabic import excerpt, normalize, plain_text, slugify_ar
from sahafa.articles import changes, workflow
from sahafa.articles.changes import NoProgress
from sahafa.articles.models import RESERVED_SECTION_SLUGS, Article, Byline, Section, Tag
from sahafa.articles.sanitize import image_source_allowed, sanitize_body
from sahafa.comments import workflow as comment_workflow
from sahafa.comments.models import Comment
from sahafa.imports.importer import _Lookups as JsonImportLookups

from . import content, media, wxr
from .models import ImportedComment, OldUrl

_IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\ssrc=["']([^"']+)["']""", re.IGNORECASE)
_FIGURE_WITHOUT_IMAGE = re.compile(r"<figure>(?:(?!<img|</figure>).)*</figure>", re.DOTALL)

Status = Article.Status
# WordPress's post status -> what the import makes of it.
POST_STATUSES = {
    "publish": "public",
    "future": "public",  # scheduled at its time by publish_imported()
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    "private": Status.DRAFT,  # not public; the history line says it was private
}
COMMENT_STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
FALLBACK_SECTION = ("news", "أخبار")
ANALYZE_AFTER = 1000
MAX_SLUG = 120

# Why an item or a comment is left out (the final report counts them by reason).
NOT_A_POST = "ليس مقالاً ({type})"
TRASHED = "في سلة مهملات ووردبريس"
AUTO_DRAFT = "مسودة تلقائية فارغة"
UNKNOWN_STATUS = "حالة غير معروفة ({status})"
EMPTY = "بلا عنوان ولا نص"
REPEATED = "ورد رقمه مرة سابقة في الملف"
PINGBACK = "إشعار تتبّع ({type})"
COMMENT_STATE = "حالة تعليق غير معروفة ({status})"
EMPTY_COMMENT = "تعليق فارغ"


class Skips:
    """What was left out: counted by reason, and only the first few kept by name, so a
    site with a million pingbacks or pages reports them without holding them all."""

    EXAMPLES = 20

    def __init__(self):
        self.count = 0
        self.reasons = Counter()
        self.examples = []  # (where, reason), the first EXAMPLES of them

    def append(self, skip):
        self.count += 1
        self.reasons[skip[1]] += 1
        if len(self.examples) < self.EXAMPLES:
            self.examples.append(skip)

    def __len__(self):
        return self.count

    def __iter__(self):
        return iter(self.examples)


@dataclass
class ImportSummary:
    site: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Skips = field(default_factory=Skips)  # (where, reason)
    comments_created: int = 0
    comments_unchanged: int = 0
    comments_skipped: Skips = field(default_factory=Skips)
    redirects_created: int = 0
    statuses: Counter = field(default_factory=Counter)  # Sahafa status of created articles
    unknown_shortcodes: Counter = field(default_factory=Counter)
    # Hosts of images the site's rules refuse (not its media, not SAHAFA_IMAGE_HOSTS).
    refused_image_hosts: Counter = field(default_factory=Counter)
    media_downloaded: int = 0
    media_failures: Skips = field(default_factory=Skips)  # (old address, reason)
    # Peak RSS of the process when the last batch had committed, before the bulk phase.
    import_peak_rss_kb: int = 0

    @property
    def skipped_reasons(self):
        return self.skipped.reasons

    @property
    def comment_skipped_reasons(self):
        return self.comments_skipped.reasons


@dataclass
class _Post:
    """What the import writes for one WordPress post."""

    key: str
    wp_id: int
    state: str  # "public", Status.DRAFT or Status.REVIEW
    note: str
    headline: str
    slug: str
    standfirst: str
    body: str
    published_at: datetime | None
    created_at: datetime
    category: tuple | None  # (nicename, name) of the first category
    tags: list  # (nicename, name, domain)
    author: str
    old_paths: list
    comments: list


class Importer:
    def __init__(self, channel, *, site_url="", section_map=None, time_zone=None, by=None):
        self.channel = channel
        self.site = (site_url or channel.site_url).rstrip("/")
        if not self.site:
            raise wxr.WXRError("لا يذكر التصدير عنوان الموقع: حدّده بالخيار --site-url.")
        self.base = urlsplit(self.site).path.rstrip("/")
        self.section_map = section_map or {}
        self.time_zone = ZoneInfo(time_zone or settings.TIME_ZONE)
        self.by = by
        self.sections = {}
        self.tags = {}
        self.lookups = JsonImportLookups()
        self.scratch = channel.scratch
        self.downloader = None  # a media.Downloader with --download-media

    # -- one post ------------------------------------------------------------------------

    def skip_reason(self, post):
        if post.type != "post":
            return NOT_A_POST.format(type=post.type or "?")
        if post.status in ("trash", "inherit"):
            return TRASHED
        if post.status == "auto-draft":
            return AUTO_DRAFT
        if post.status not in POST_STATUSES:
            return UNKNOWN_STATUS.format(status=post.status or "?")
        if self.scratch.seen(post.id):
            return REPEATED
        return None

    def local_time(self, text):
        try:
            naive = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return None
        return naive.replace(tzinfo=self.time_zone)

    def fields(self, post, summary):
        attachments = self.scratch.attachments
        shortcodes = content.Shortcodes(attachments, self.scratch.children(post.id))
        body = content.expand_embeds(post.content)
        if content.needs_autop(body):
            body = content.wpautop(body)
        body = shortcodes.expand(body)
        summary.unknown_shortcodes.update(shortcodes.unknown)
        featured = attachments.get(_int(post.meta.get("_thumbnail_id")))
        if featured and featured[0] and featured[0] not in body:
            caption = html.escape(featured[1])
            body = content._figure(featured[0], caption) + body
        if self.downloader is not None:
            body = self.bring_images(body, plain_text(post.title))
        for source in _IMAGE_SOURCE.findall(body):
            if not image_source_allowed(html.unescape(source)):
                summary.refused_image_hosts[urlsplit(html.unescape(source)).netloc or source] += 1
        # A figure whose image the sanitizer refused keeps no caption of a missing picture.
        body = _FIGURE_WITHOUT_IMAGE.sub("", sanitize_body(body))
        body = re.sub(r"<p>\s*</p>", "", body)
        headline = excerpt(plain_text(post.title), 295) or excerpt(plain_text(body), 100)
        if not headline:
            raise ValueError(EMPTY)
        state = POST_STATUSES[post.status]
        published_at = post.date_gmt or (
            self.local_time(post.date_local) if state == "public" else None
        )
        if state == "public" and published_at is None:
            published_at = timezone.now()
        categories = [c for c in post.categories if c[0] == "category" and c[1]]
        first = categories[0] if categories else None
        tags = [c for c in post.categories if c[1] and c is not first]
        return _Post(
            key=f"{self.site}/?p={post.id}",
            wp_id=post.id,
            state=state,
            note="import: WordPress private" if post.status == "private" else "import",
            headline=headline,
            slug=_slug(post.name) or slugify_ar(headline, max_length=60) or "article",
            standfirst=plain_text(post.excerpt),
            body=body,
            published_at=published_at,
            created_at=post.date_gmt or self.local_time(post.date_local) or timezone.now(),
            category=(first[1], first[2] or first[1]) if first else None,
            tags=[(nicename, name or nicename, domain) for domain, nicename, name in tags],
            author=self.channel.authors.get(post.creator, post.creator).strip(),
            old_paths=self.old_paths(post),
            comments=post.comments,
        )

    def bring_images(self, body, headline):
        """The body with the old site's images (its attachments, or any on its host) in
        the media library; an image that cannot be brought keeps its old address."""
        host = urlsplit(self.site).netloc

        def replace(match):
            source = html.unescape(match.group(1))
            caption = self.scratch.caption_of(source)
            if caption is None and urlsplit(source).netloc != host:
                return match.group(0)
            local = self.downloader.local_url(
                source, alt=caption or headline, caption=caption or ""
            )
            if local is None:
                return match.group(0)
            return match.group(0).replace(match.group(1), html.escape(local))

        return _IMAGE_SOURCE.sub(replace, body)

    def old_paths(self, post):
        """Every address WordPress answered for the post: `<link>`, `?p=ID`, and the date
        permalinks /YYYY/MM/DD/slug/ and /YYYY/MM/slug/ (local time, as WordPress builds
        them)."""
        paths = [f"{self.base}/?p={post.id}"]
        if post.link:
            paths.append(wxr.path_of(post.link))
        date = post.date_local[:10].split("-")
        if post.name and len(date) == 3 and date[0] != "0000":
            year, month, day = date
            paths.append(f"{self.base}/{year}/{month}/{day}/{post.name}/")
            paths.append(f"{self.base}/{year}/{month}/{post.name}/")
        return list(dict.fromkeys(p for p in paths if p and p not in ("/", self.base + "/")))

    # -- lookups -------------------------------------------------------------------------

    def section(self, category):
        """The section a post's first category files it in: `section_map` (category slug ->
        section slug) first, else a section of the category's name and slug."""
        if category is None:
            nicename, name = FALLBACK_SECTION
        else:
            nicename, name = category
        if nicename in self.sections:
            return self.sections[nicename]
        slug = self.section_map.get(nicename) or _section_slug(nicename, name)
        section = (
            Section.objects.filter(slug=slug).first()
            or (None if nicename in self.section_map else Section.objects.filter(name=name).first())
            or Section.objects.create(slug=slug, name=_free_name(name, slug))
        )
        self.sections[nicename] = section
        return section

    def tag(self, nicename, name):
        key = normalize(name)
        if key not in self.tags:
            tag = Tag.objects.filter(name=name[:100]).first()
            if tag is None:
                slug = _slug(nicename, 100) or slugify_ar(name, max_length=100) or "tag"
                if Tag.objects.filter(slug=slug).exists():
                    slug = ""  # Tag.save() makes one from the name
                tag = Tag(name=name[:100], slug=slug)
                tag.save()
            self.tags[key] = tag
        return self.tags[key]

    def authors_for(self, names):
        """Authors by display name (compared through normalize()), the new ones created:
        the same lookup as `sahafa import-json`'s."""
        return self.lookups.authors_for(names)

    # -- one batch -----------------------------------------------------------------------

    def write(self, posts, summary):
        """Create or update one batch of posts, in the caller's transaction."""
        existing = {
            a.source_url: a
            for a in Article.objects.filter(source_url__in=[p.key for p in posts]).only(
                "id",
                "source_url",
                "headline",
                "slug",
                "standfirst",
                "body",
                "published_at",
                "section_id",
                "status",
            )
        }
        existing_ids = [a.id for a in existing.values()]
        bylines = {}
        for article_id, author_id in Byline.objects.filter(article_id__in=existing_ids).values_list(
            "article_id", "author_id"
        ):
            bylines.setdefault(article_id, set()).add(author_id)
        tagged = set(
            Article.tags.through.objects.filter(article_id__in=existing_ids).values_list(
                "article_id", "tag_id"
            )
        )
        authors = self.authors_for(dict.fromkeys(p.author for p in posts if p.author))

        created, updated, articles = [], [], []
        wanted_tags = []
        for post in posts:
            section = self.section(post.category)
            tags = [self.tag(nicename, name) for nicename, name, _domain in post.tags]
            author = authors.get(post.author) if post.author else None
            article = existing.get(post.key)
            if article is None:
                article = Article(
                    source_url=post.key,
                    headline=post.headline,
                    slug=post.slug,
                    standfirst=post.standfirst,
                    body=post.body,
                    published_at=post.published_at,
                    created_at=post.created_at,
                    section=section,
                )
                created.append((article, post))
            else:
                same = (
                    article.headline == post.headline
                    and article.slug == post.slug
                    and article.standfirst == post.standfirst
                    and article.body == post.body
                    and (post.published_at is None or article.published_at == post.published_at)
                    and article.section_id == section.id
                    and bylines.get(article.id, set()) == ({author.id} if author else set())
                    and all((article.id, tag.id) in tagged for tag in tags)
                )
                if same:
                    summary.unchanged += 1
                else:
                    article.headline, article.slug = post.headline, post.slug
                    article.standfirst, article.body = post.standfirst, post.body
                    article.published_at = post.published_at or article.published_at
                    article.section = section
                    article.updated_at = timezone.now()
                    updated.append(article)
            articles.append((article, post, author, section))
            wanted_tags.append((article, tags))

        Article.objects.bulk_create([a for a, _post in created])
        if updated:
            Article.objects.bulk_update(
                updated,
                ["headline", "slug", "standfirst", "body", "published_at", "section", "updated_at"],
            )
            Byline.objects.filter(article__in=updated).delete()
        changed = {a.pk for a, _p in created} | {a.pk for a in updated}
        Byline.objects.bulk_create(
            Byline(article=article, author=author, order=0)
            for article, _post, author, _section in articles
            if author and article.pk in changed
        )
        Article.tags.through.objects.bulk_create(
            [
                Article.tags.through(article_id=article.pk, tag_id=tag.pk)
                for article, tags in wanted_tags
                for tag in tags
            ],
            ignore_conflicts=True,
        )

        public = [a for a, p in created if p.state == "public"]
        if public or updated:
            workflow.publish_imported(public, by=self.by, updated=updated)
        for state in (Status.DRAFT, Status.REVIEW):
            for note in ("import", "import: WordPress private"):
                filed = [a for a, p in created if p.state == state and p.note == note]
                if filed:
                    workflow.file_imported(filed, state, by=self.by, note=note)
        commented = self.write_comments(articles, summary)
        if commented - changed:
            changes.announce(commented - changed, "imported")
        summary.redirects_created += self.write_old_urls(articles)

        summary.created += len(created)
        summary.updated += len(updated)
        summary.statuses.update(a.status for a, _p in created)
        self.scratch.add_changed(changed | commented)

    def write_comments(self, articles, summary):
        """The batch's new comments, threaded; returns the ids of articles that got some."""
        ids = [c.id for _a, post, _au, _s in articles for c in post.comments]
        known = {
            wp_id: comment
            for wp_id, comment in (
                (row.wp_id, row.comment)
                for row in ImportedComment.objects.filter(site=self.site, wp_id__in=ids)
                .select_related("comment")
                .only("wp_id", "comment__id", "comment__depth")
            )
        }
        new = []  # (wp id, Comment)
        for article, post, _author, _section in articles:
            by_id = {}
            pending = []
            for wp in post.comments:
                where = f"#{post.wp_id}/{wp.id}"
                if wp.id in known:
                    summary.comments_unchanged += 1
                    by_id[wp.id] = known[wp.id]
                    continue
                if wp.type not in ("comment", ""):
                    summary.comments_skipped.append((where, PINGBACK.format(type=wp.type)))
                    continue
                status = COMMENT_STATUSES.get(wp.approved)
                if status is None:
                    reason = COMMENT_STATE.format(status=wp.approved or "?")
                    summary.comments_skipped.append((where, reason))
                    continue
                body = plain_text(wp.content)
                if not body:
                    summary.comments_skipped.append((where, EMPTY_COMMENT))
                    continue
                comment = Comment(
                    article=article,
                    name=(html.unescape(wp.author).strip() or "زائر")[:80],
                    email=_email(wp.email),
                    url=_url(wp.url),
                    body=body,
                    ip_address=_ip(wp.ip),
                    created_at=wp.date_gmt or self.local_time(wp.date_local) or timezone.now(),
                    status=status,
                )
                by_id[wp.id] = comment
                pending.append((wp, comment))
            for wp, comment in pending:
                # A reply to a comment that was left out becomes a comment of its own.
                comment.parent = by_id.get(wp.parent) if wp.parent else None
                new.append((wp.id, comment))
        if not new:
            return set()
        comment_workflow.import_comments(
            [c for _id, c in new], by=self.by, reason="مستورد من ووردبريس"
        )
        ImportedComment.objects.bulk_create(
            ImportedComment(site=self.site, wp_id=wp_id, comment=c) for wp_id, c in new
        )
        summary.comments_created += len(new)
        return {c.article_id for _id, c in new}

    def write_old_urls(self, articles):
        """Old addresses of the batch's posts, and of their categories, tags and feeds. An
        address already known keeps its destination, except that a category which files
        posts in a section leads to the section, even where an earlier post had it as a tag."""
        rows, sections = {}, {}

        def add(path, article=None, target="", into=rows):
            if path and path != target and path not in rows and path not in sections:
                into[path] = OldUrl(path=path, article=article, target=target, site=self.site)

        for _article, post, _author, section in articles:
            if post.category:
                category = self.category_path(post.category[0])
                add(f"{category}/", target=section.get_absolute_url(), into=sections)
                feed = reverse("feeds:section", args=[section.slug])
                add(f"{category}/feed/", target=feed, into=sections)
        for article, post, _author, _section in articles:
            for path in post.old_paths:
                add(path, article=article)
            for nicename, name, domain in post.tags:
                tag = self.tag(nicename, name)
                if domain == "category":
                    prefix = self.category_path(nicename)
                elif domain == "post_tag":
                    prefix = f"{self.base}/tag/{nicename}"
                else:
                    continue
                add(f"{prefix}/", target=tag.get_absolute_url())
                add(f"{prefix}/feed/", target=reverse("feeds:tag", args=[tag.slug]))
        add(f"{self.base}/feed/", target=reverse("feeds:latest"))
        add(f"{self.base}/comments/feed/", target=reverse("feeds:latest"))
        wanted = {**rows, **sections}
        known = set(OldUrl.objects.filter(path__in=list(wanted)).values_list("path", flat=True))
        OldUrl.objects.bulk_create(
            [row for path, row in rows.items() if path not in known], ignore_conflicts=True
        )
        OldUrl.objects.bulk_create(
            sections.values(),
            update_conflicts=True,
            unique_fields=["path"],
            update_fields=["article", "target", "site"],
        )
        return len(set(wanted) - known)

    def category_path(self, nicename):
        """/category/parent/child as WordPress builds a child category's address."""
        chain, seen = [nicename], {nicename}
        parent = self.channel.categories.get(nicename, ("", ""))[1]
        while parent and parent not in seen:
            chain.insert(0, parent)
            seen.add(parent)
            parent = self.channel.categories.get(parent, ("", ""))[1]
        return f"{self.base}/category/" + "/".join(chain)


def import_export(
    path,
    *,
    site_url="",
    section_map=None,
    time_zone=None,
    batch_size=200,
    by=None,
    on_scanned=None,
    progress=None,
    phases=NoProgress,
    download_media=False,
    media_timeout=media.TIMEOUT,
):
    """Import the WXR export at `path`. WXRError (nothing written) if the file is unusable.
    `on_scanned(channel)` is told what the scan found (the item count, for a progress bar);
    `progress(n)` is called after each committed batch with the items it consumed.
    `download_media` brings the old site's images into the media library (media.py)."""
    channel = wxr.scan(path)
    with channel.scratch:
        if on_scanned:
            on_scanned(channel)
        importer = Importer(
            channel, site_url=site_url, section_map=section_map, time_zone=time_zone, by=by
        )
        summary = ImportSummary(site=importer.site)
        if download_media:
            importer.downloader = media.Downloader(
                summary.media_failures, by=by, timeout=media_timeout
            )
        batch, consumed = [], 0
        for post in wxr.read(path):
            consumed += 1
            reason = importer.skip_reason(post)
            if reason is None:
                try:
                    batch.append(importer.fields(post, summary))
                    importer.scratch.add_seen(post.id)
                except ValueError as error:
                    reason = str(error)
            if reason is not None and post.type not in ("attachment", "revision", "nav_menu_item"):
                summary.skipped.append((f"#{post.id}", reason))
            if len(batch) >= batch_size:
                _commit(importer, batch, summary, progress, consumed)
                batch, consumed = [], 0
        if batch or consumed:
            _commit(importer, batch, summary, progress, consumed)
        changed = importer.scratch.changed()
        if importer.downloader is not None:
            summary.media_downloaded = importer.downloader.downloaded
    # The import's own work ends here; what follows is the bulk phase shared with
    # `sahafa import-json` (search index, «شاهد أيضاً» lists), measured apart.
    summary.import_peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if summary.created >= ANALYZE_AFTER and connection.vendor == "postgresql":
        _analyze()
    changes.announce_import(changed, phases)
    if summary.created >= ANALYZE_AFTER:
        _analyze()
    return summary


def _commit(importer, batch, summary, progress, consumed):
    if batch:
        with transaction.atomic():
            importer.write(batch, summary)
    if progress:
        progress(consumed)


def _analyze():
    """Fresh planner statistics after a bulk import (see sahafa/imports/importer.py)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _int(text):
    try:
        return int(str(text).strip())
    except (TypeError, ValueError):
        return 0


def _slug(name, max_length=MAX_SLUG):
    """A percent-decoded WordPress slug that fits the field (cut at a hyphen)."""
    name = name.strip().strip("-")
    if len(name) <= max_length:
        return name
    head = name[: max_length + 1]
    cut = head.rfind("-")
    return head[:cut] if cut > 0 else name[:max_length]


def _section_slug(nicename, name):
    slug = _slug(nicename, 80)
    if not re.fullmatch(r"[-\w]+", slug or ""):
        slug = slugify_ar(nicename or name, max_length=80) or "section"
    if slug.lower() in RESERVED_SECTION_SLUGS:
        slug = f"{slug}-section"
    return slug


def _free_name(name, slug):
    name = (name or slug)[:80]
    return name if not Section.objects.filter(name=name).exists() else f"{name} ({slug})"[:80]


def _email(value):
    value = value.strip()
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def _url(value):
    value = value.strip()
    if not value or len(value) > 200:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def _ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
