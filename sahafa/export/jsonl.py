"""The whole site as JSON Lines, and back: `sahafa export` writes it, `sahafa import-site`
reads it into an empty database and gives back the same site (same article ids, so the
same URLs).

One JSON object a line, each with a `type`: `section`, `tag`, `author` first, then one
`article` a line (its section, tags and authors by slug, its old addresses, its comments),
then `redirect` lines for the old addresses that lead to a page rather than an article.
Comments are the approved ones without emails or IP addresses; `--include-private` adds the
held, spam and trashed ones and the commenters' emails and IP addresses. An article's
history (`ArticleLogEntry`) is not exported: the import writes a line of its own.
"""

import json
from datetime import datetime

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Prefetch

from sahafa.articles import changes, workflow
from sahafa.articles.changes import NoProgress
from sahafa.articles.models import Article, Author, Byline, Section, Tag
from sahafa.comments import workflow as comment_workflow
from sahafa.comments.models import Comment
from sahafa.revisions.models import Correction
from sahafa.wordpress.models import OldUrl

FORMAT = "sahafa-export/1"
Status = Article.Status


def _time(value):
    return value.isoformat() if value else None


def _parse_time(value):
    return datetime.fromisoformat(value) if value else None


def records(include_private=False, chunk_size=500):
    """The site, one dict a line, in a fixed order (two exports of one site are equal)."""
    yield {"type": "site", "format": FORMAT, "include_private": include_private}
    for section in Section.objects.order_by("slug"):
        yield {
            "type": "section",
            "slug": section.slug,
            "name": section.name,
            "order": section.order,
            "description": section.description,
        }
    for tag in Tag.objects.order_by("slug"):
        yield {"type": "tag", "slug": tag.slug, "name": tag.name}
    for author in Author.objects.order_by("slug"):
        yield {"type": "author", "slug": author.slug, "name": author.name, "bio": author.bio}
    comments = Comment.objects.order_by("created_at", "id")
    if not include_private:
        comments = comments.approved()
    articles = (
        Article.objects.order_by("id")
        .select_related("section")
        .prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("slug")),
            Prefetch("byline_set", queryset=Byline.objects.select_related("author")),
            Prefetch("comments", queryset=comments),
            Prefetch("corrections", queryset=Correction.objects.order_by("at", "id")),
        )
    )
    old = {}
    for path, article_id in (
        OldUrl.objects.filter(article__isnull=False).order_by("path").values_list("path", "article")
    ):
        old.setdefault(article_id, []).append(path)
    for article in articles.iterator(chunk_size=chunk_size):
        yield {
            "type": "article",
            "id": article.pk,
            "source_url": article.source_url,
            "kicker": article.kicker,
            "headline": article.headline,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body": article.body,
            "section": article.section.slug,
            "tags": [tag.slug for tag in article.tags.all()],
            "authors": [byline.author.slug for byline in article.byline_set.all()],
            "dateline": article.dateline,
            "status": article.status,
            "is_breaking": article.is_breaking,
            "published_at": _time(article.published_at),
            "created_at": _time(article.created_at),
            "materially_updated_at": _time(article.materially_updated_at),
            "lead_image": article.lead_image.name or "",
            "lead_image_caption": article.lead_image_caption,
            "lead_image_credit": article.lead_image_credit,
            "old_addresses": old.get(article.pk, []),
            "comments": [_comment(c, include_private) for c in article.comments.all()],
            "corrections": [
                {"kind": c.kind, "text": c.text, "at": _time(c.at)}
                for c in article.corrections.all()
            ],
        }
    for redirect in OldUrl.objects.filter(article__isnull=True).order_by("path"):
        yield {"type": "redirect", "path": redirect.path, "target": redirect.target}


def _comment(comment, include_private):
    data = {
        "id": comment.pk,
        "parent": comment.parent_id,
        "name": comment.name,
        "url": comment.url,
        "body": comment.body,
        "created_at": _time(comment.created_at),
        "status": comment.status,
    }
    if include_private:
        data.update(email=comment.email, ip_address=comment.ip_address, reason=comment.reason)
    return data


def write(out, include_private=False):
    count = 0
    for record in records(include_private):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += record["type"] == "article"
    return count


class ExportFileError(Exception):
    pass


def read(path):
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ExportFileError(
                    f"{path}: السطر {number} ليس JSON سليماً ({error.msg})."
                ) from error
            if not isinstance(record, dict) or "type" not in record:
                raise ExportFileError(f"{path}: السطر {number} ليس سجلاً من تصدير صحافة.")
            yield number, record


def import_site(path, batch_size=200, phases=NoProgress):
    """Read an export into this database: sections, tags and authors by slug (reused when
    they exist), articles by id (an id already taken is skipped), comments and old
    addresses with them; batches of `batch_size` articles, one transaction each. Returns
    (created, skipped) article counts."""
    sections, tags, authors = {}, {}, {}
    batch, created, skipped, ids = [], 0, 0, set()
    for _number, record in read(path):
        kind = record["type"]
        if kind == "section":
            sections[record["slug"]] = Section.objects.get_or_create(
                slug=record["slug"],
                defaults={k: record[k] for k in ("name", "order", "description")},
            )[0]
        elif kind == "tag":
            tags[record["slug"]] = Tag.objects.get_or_create(
                slug=record["slug"], defaults={"name": record["name"]}
            )[0]
        elif kind == "author":
            authors[record["slug"]] = Author.objects.get_or_create(
                slug=record["slug"], defaults={"name": record["name"], "bio": record["bio"]}
            )[0]
        elif kind == "article":
            batch.append(record)
            if len(batch) >= batch_size:
                done = _write_articles(batch, sections, tags, authors)
                created, skipped, batch = created + len(done), skipped + len(batch) - len(done), []
                ids.update(done)
        elif kind == "redirect":
            OldUrl.objects.get_or_create(path=record["path"], defaults={"target": record["target"]})
    if batch:
        done = _write_articles(batch, sections, tags, authors)
        created, skipped = created + len(done), skipped + len(batch) - len(done)
        ids.update(done)
    _reset_sequences()
    changes.announce_import(ids, phases)
    return created, skipped


def _reset_sequences():
    """Rows were written with their ids: PostgreSQL's counters must move past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Article, Comment, OldUrl])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


FIELDS = (
    "source_url", "kicker", "headline", "slug", "standfirst", "body", "dateline",
    "is_breaking", "lead_image", "lead_image_caption", "lead_image_credit",
)  # fmt: skip


@transaction.atomic
def _write_articles(records, sections, tags, authors):
    taken = set(
        Article.objects.filter(pk__in=[r["id"] for r in records]).values_list("pk", flat=True)
    )
    records = [r for r in records if r["id"] not in taken]
    articles = [
        Article(
            pk=r["id"],
            section=sections[r["section"]],
            published_at=_parse_time(r["published_at"]),
            created_at=_parse_time(r["created_at"]),
            materially_updated_at=_parse_time(r["materially_updated_at"]),
            **{name: r[name] for name in FIELDS},
        )
        for r in records
    ]
    Article.objects.bulk_create(articles)
    by_id = {a.pk: a for a in articles}
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article_id=r["id"], tag_id=tags[slug].pk)
        for r in records
        for slug in r["tags"]
    )
    Byline.objects.bulk_create(
        Byline(article_id=r["id"], author=authors[slug], order=order)
        for r in records
        for order, slug in enumerate(r["authors"])
    )
    OldUrl.objects.bulk_create(
        OldUrl(path=path, article_id=r["id"]) for r in records for path in r["old_addresses"]
    )
    # States through the workflow's bulk verbs, as any import.
    by_status = {}
    for r in records:
        by_status.setdefault(r["status"], []).append(by_id[r["id"]])
    public = by_status.pop(Status.PUBLISHED, []) + by_status.pop(Status.SCHEDULED, [])
    workflow.publish_imported(public, note="import-site")
    for status in (Status.DRAFT, Status.REVIEW):
        if by_status.get(status):
            workflow.file_imported(by_status.pop(status), status, note="import-site")
    for article in by_status.pop(Status.ARCHIVED, []):
        workflow.archive(article, by=None, note="import-site")
    _write_comments(records, by_id)
    # Public notices, as they were (exports older than them have none); the articles'
    # «last updated» times came with them, and the import's announcement covers the pages.
    Correction.objects.bulk_create(
        Correction(article_id=r["id"], kind=c["kind"], text=c["text"], at=_parse_time(c["at"]))
        for r in records
        for c in r.get("corrections", [])
    )
    return list(by_id)


def _write_comments(records, articles):
    made = {}
    comments = []
    for r in records:
        for c in r["comments"]:
            comment = Comment(
                pk=c["id"],
                article=articles[r["id"]],
                name=c["name"],
                url=c["url"],
                body=c["body"],
                created_at=_parse_time(c["created_at"]),
                status=c["status"],
                email=c.get("email", ""),
                ip_address=c.get("ip_address"),
                reason=c.get("reason", ""),
            )
            made[c["id"]] = comment
            comments.append((c, comment))
    for c, comment in comments:
        # A reply whose parent was not exported (held, without --include-private) stands alone.
        comment.parent = made.get(c["parent"]) if c["parent"] else None
    if comments:
        comment_workflow.import_comments([comment for _c, comment in comments], keep_reasons=True)
