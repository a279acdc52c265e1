"""Bulk import of news articles from JSON records (the SaudiNewsNet format).

`import_records()` is the one bulk path into the newsroom: records go in batches, each
batch in one transaction that creates or updates whole articles (with section, tags and
byline) and publishes the new ones through `workflow.publish_imported()`. When every batch
has committed, `changes.announce_import()` sends `articles_imported` once, and the search
index and related lists do their bulk work then, catching up on any article an interrupted
earlier run left behind.

A record is {source, url, date_extracted, title, author, content}; `url` is the key, so a
re-run updates what changed and leaves the rest alone. Mapping decisions (README,
"Importing articles"): the newspaper (`source`) becomes a tag named after it in Arabic,
the section comes from the words of the URL path, `author` becomes the byline, and
`date_extracted` is Saudi time (Asia/Riyadh).
"""

import html
import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from sahafa.arabic import excerpt, normalize, slugify_ar
from sahafa.articles import changes, workflow
from sahafa.articles.changes import NoProgress
from sahafa.articles.models import Article, Author, Byline, Section, Tag
from sahafa.articles.sanitize import sanitize_body

SOURCE_TIME_ZONE = ZoneInfo("Asia/Riyadh")
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
REQUIRED_FIELDS = ("url", "title", "content")
# A bulk import this large refreshes the database planner's statistics when it ends.
ANALYZE_AFTER = 1000

# Why a record is skipped. Kept untranslated in the summary (stable keys to count by);
# the command shows them translated.
MISSING = {
    "url": gettext_noop("missing url"),
    "title": gettext_noop("missing title"),
    "content": gettext_noop("missing content"),
}
INVALID_URL = gettext_noop("invalid URL")
INVALID_DATE = gettext_noop("invalid date_extracted (expected YYYY-MM-DD hh:mm:ss)")
REPEATED_URL = gettext_noop("the same URL came earlier in this import")

# The 14 SaudiNewsNet sources. «صحيفة …» keeps a newspaper's tag apart from the city or
# channel of the same name (الرياض, الجزيرة). Unknown sources keep their id as the tag.
SOURCE_NAMES = {
    "aawsat": "صحيفة الشرق الأوسط",
    "aleqtisadiya": "صحيفة الاقتصادية",
    "aljazirah": "صحيفة الجزيرة",
    "almadina": "صحيفة المدينة",
    "alriyadh": "صحيفة الرياض",
    "alwatan": "صحيفة الوطن",
    "alweeam": "صحيفة الوئام",
    "alyaum": "صحيفة اليوم",
    "arreyadi": "صحيفة الرياضي",
    "arriyadiyah": "صحيفة الرياضية",
    "okaz": "صحيفة عكاظ",
    "sabq": "صحيفة سبق",
    "was": "وكالة الأنباء السعودية",
    "3alyoum": "صحيفة عين اليوم",
}

# Sections the importer may file into: (slug, name, order). The first seven are the demo
# newspaper's; a section missing from the database is created on first use.
SECTIONS = {
    "politics": ("سياسة", 1),
    "economy": ("اقتصاد", 2),
    "sports": ("رياضة", 3),
    "culture": ("ثقافة", 4),
    "technology": ("تكنولوجيا", 5),
    "health": ("صحة", 6),
    "world": ("العالم", 7),
    "local": ("محليات", 8),
    "opinion": ("رأي", 9),
    "news": ("أخبار", 10),
}
FALLBACK_SECTION = "news"

# Path segments that name a section in the sources' URLs (seen in the corpus), and
# al-Jazirah's page codes (`/2015/20150807/sp35.htm` is a sports page).
PATH_SECTIONS = {
    "pol": "politics", "politics": "politics",
    "economy": "economy", "finance": "economy", "market": "economy", "ec": "economy",
    "أسواق-النفط": "economy", "مساكن-وعقارات": "economy",
    "sports": "sports", "sport": "sports", "localsport": "sports", "worldsport": "sports",
    "sp": "sports", "رياضة-محلية": "sports", "رياضة-عالمية": "sports",
    "رياضات-مختلفة": "sports",
    "culture": "culture", "l-culture": "culture", "cu": "culture",
    "technology": "technology", "xgame": "technology",
    "health": "health",
    "golobal": "world", "global": "world", "world": "world", "international": "world",
    "local": "local", "regions": "local", "nation": "local", "ln": "local",
    "opinion": "opinion", "articles": "opinion",
}  # fmt: skip
# Newspapers that cover one field only.
SOURCE_SECTIONS = {"aleqtisadiya": "economy", "arreyadi": "sports", "arriyadiyah": "sports"}

_PAGE_CODE = re.compile(r"^([a-z]+)\d+\.html?$")
# Separators and colons around a credit line: «الرياض - الوئام :», «\xa0عكاظ (جدة)».
_CREDIT_EDGES = " \t\n\xa0:-–—ـ"
# Longer than this, the `author` field holds a sentence of the story, not a byline.
MAX_BYLINE_CHARS = 60


class ImportFileError(Exception):
    """A file that cannot be imported at all: unreadable, not JSON, or not a list of records."""


@dataclass(frozen=True)
class SourceRecord:
    file: str
    index: int
    data: object

    @property
    def where(self):
        return f"{self.file} #{self.index}"


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (where, reason)
    file_errors: list = field(default_factory=list)  # messages naming the file
    changed_ids: set = field(default_factory=set)  # articles created or updated

    @property
    def skipped_reasons(self):
        return Counter(reason for _where, reason in self.skipped)

    @property
    def processed(self):
        return self.created + self.updated + self.unchanged + len(self.skipped)


@dataclass
class _Fields:
    """What the importer writes for one record."""

    url: str
    headline: str
    slug: str
    body: str
    published_at: datetime
    section_slug: str
    tag_name: str
    author_name: str


def read_file(path):
    """The records of one .json or .zip file, as SourceRecords; ImportFileError if the file
    as a whole is unusable, so a bad file imports nothing rather than half of itself."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if n.lower().endswith(".json")]
                if not members:
                    raise ImportFileError(
                        _("%(file)s: the ZIP archive holds no .json file.") % {"file": path}
                    )
                loaded = [(f"{path}:{name}", archive.read(name)) for name in sorted(members)]
        else:
            loaded = [(str(path), path.read_bytes())]
    except zipfile.BadZipFile as error:
        raise ImportFileError(
            _("%(file)s: not a valid ZIP archive (%(error)s).") % {"file": path, "error": error}
        ) from error
    except OSError as error:
        raise ImportFileError(
            _("%(file)s: cannot be read (%(error)s).")
            % {"file": path, "error": error.strerror or error}
        ) from error
    records = []
    for name, raw in loaded:
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise ImportFileError(
                _("%(file)s: not UTF-8 text (%(error)s).") % {"file": name, "error": error}
            ) from error
        except json.JSONDecodeError as error:
            raise ImportFileError(
                _("%(file)s: not valid JSON (line %(line)d, column %(column)d: %(error)s).")
                % {"file": name, "line": error.lineno, "column": error.colno, "error": error.msg}
            ) from error
        if not isinstance(data, list):
            raise ImportFileError(
                _("%(file)s: expected a JSON array of articles, found %(type)s.")
                % {"file": name, "type": json_type(data)}
            )
        for index, item in enumerate(data):
            if not isinstance(item, dict):
                raise ImportFileError(
                    _("%(file)s #%(index)d: expected an article object, found %(type)s.")
                    % {"file": name, "index": index, "type": json_type(item)}
                )
            records.append(SourceRecord(name, index, item))
    return records


def json_type(value):
    """The JSON name of a parsed value's type, for error messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def find_files(paths):
    """The .json and .zip files among `paths`, directories searched recursively, sorted."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".zip")
            )
        else:
            yield path


def import_paths(paths, *, batch_size=500, progress=None, on_file=None, phases=NoProgress):
    """Import every file under `paths`. A bad file is reported in the summary and the import
    goes on with the next one. `on_file(path, record_count)` is told of each file read."""
    summary = ImportSummary()

    def records():
        for path in find_files(paths):
            try:
                file_records = read_file(path)
            except ImportFileError as error:
                summary.file_errors.append(str(error))
                continue
            if on_file:
                on_file(path, len(file_records))
            yield from file_records

    return import_records(
        records(), batch_size=batch_size, progress=progress, summary=summary, phases=phases
    )


def import_records(records, *, batch_size=500, progress=None, summary=None, phases=NoProgress):
    """Import `records` (SourceRecords, or plain dicts) in batches of `batch_size`, each in
    one transaction. `progress(n)` is called after each committed batch with the number of
    records it handled; `phases` is the tqdm-like factory the bulk work after the last batch
    reports through. Returns the ImportSummary."""
    summary = summary or ImportSummary()
    cache = _Lookups()
    seen_urls = set()
    batch = []
    for position, record in enumerate(records):
        if not isinstance(record, SourceRecord):
            record = SourceRecord("<records>", position, record)
        batch.append(record)
        if len(batch) >= batch_size:
            _import_batch(batch, cache, seen_urls, summary, progress)
            batch = []
    if batch:
        _import_batch(batch, cache, seen_urls, summary, progress)
    if summary.created >= ANALYZE_AFTER and connection.vendor == "postgresql":
        _refresh_planner_statistics()  # the bulk work's queries join the articles
    changes.announce_import(summary.changed_ids, phases)
    if summary.created >= ANALYZE_AFTER:
        _refresh_planner_statistics()
    return summary


def _refresh_planner_statistics():
    """After a bulk import the planner still believes the tables are nearly empty: PostgreSQL
    sorts the whole archive for every newest-first page (188 ms instead of 60 ms for the
    front page at 30,000 articles) or probes an index once per article, and SQLite, with no
    statistics at all, filters on the status index and sorts every public article (89 ms
    instead of 33 ms for the front page). So: after the bulk work, for every table it wrote,
    and on PostgreSQL before it too (its queries join the articles; on SQLite, statistics
    taken then made rebuilding the full-text index two to three times slower). Nothing may
    depend on the server's autovacuum."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _import_batch(batch, cache, seen_urls, summary, progress):
    fields = []
    skipped = []
    batch_urls = set()
    for record in batch:
        try:
            item = record_fields(record.data)
        except ValueError as error:
            skipped.append((record.where, str(error)))
            continue
        if item.url in seen_urls or item.url in batch_urls:
            skipped.append((record.where, REPEATED_URL))
            continue
        batch_urls.add(item.url)
        fields.append(item)
    with transaction.atomic():
        counts = _write(fields, cache)
    # Counted only once the batch has committed: a rolled-back batch counts for nothing.
    seen_urls.update(batch_urls)
    summary.created += counts["created"]
    summary.updated += counts["updated"]
    summary.unchanged += counts["unchanged"]
    summary.changed_ids.update(counts["ids"])
    summary.skipped.extend(skipped)
    if progress:
        progress(len(batch))


def record_fields(data):
    """The article fields for one record; ValueError with the reason to skip it."""
    text = {name: _text(data.get(name)) for name in (*REQUIRED_FIELDS, "source", "author")}
    for name in REQUIRED_FIELDS:
        if not text[name].strip():
            raise ValueError(MISSING[name])
    url = text["url"].strip()
    if urlsplit(url).scheme not in ("http", "https") or len(url) > 500:
        raise ValueError(INVALID_URL)
    raw_date = _text(data.get("date_extracted")).strip()
    try:
        published_at = datetime.strptime(raw_date, DATE_FORMAT).replace(tzinfo=SOURCE_TIME_ZONE)
    except ValueError:
        raise ValueError(INVALID_DATE) from None
    paragraphs = [p.strip() for p in html.unescape(text["content"]).splitlines() if p.strip()]
    if not paragraphs:
        raise ValueError(MISSING["content"])
    headline = excerpt(html.unescape(text["title"]), 295)
    source = text["source"].strip()
    return _Fields(
        url=url,
        headline=headline,
        slug=slugify_ar(headline, max_length=60) or "article",
        body=sanitize_body("".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)),
        published_at=published_at,
        section_slug=section_for(source, url),
        tag_name=SOURCE_NAMES.get(source, source),
        author_name=byline_name(text["author"]),
    )


def _text(value):
    return value if isinstance(value, str) else "" if value is None else str(value)


def section_for(source, url):
    """The section a URL's path names, else the newspaper's field, else «أخبار»."""
    for segment in unquote(urlsplit(url).path).lower().split("/"):
        code = _PAGE_CODE.match(segment)
        for word in (segment, code and code.group(1)):
            if word in PATH_SECTIONS:
                return PATH_SECTIONS[word]
    return SOURCE_SECTIONS.get(source, FALLBACK_SECTION)


def byline_name(author):
    """The credit line as the source printed it, tidied; "" when there is no byline."""
    author = html.unescape(author)
    if author.lstrip(" \xa0").startswith(("-", "·")):  # a pull quote, not a credit
        return ""
    name = " ".join(author.strip(_CREDIT_EDGES).split())
    return "" if len(name) > MAX_BYLINE_CHARS else name


class _Lookups:
    """Sections, tags and authors by the key the importer knows them by, fetched or
    created once per import run."""

    def __init__(self):
        self.sections = {}
        self.tags = {}
        self.authors = None  # normalize(name) -> Author, loaded on first use

    def section(self, slug):
        if slug not in self.sections:
            name, order = SECTIONS[slug]
            section = (
                Section.objects.filter(slug=slug).first()
                or Section.objects.filter(name=name).first()
                or Section.objects.create(slug=slug, name=name, order=order)
            )
            self.sections[slug] = section
        return self.sections[slug]

    def tag(self, name):
        if name not in self.tags:
            self.tags[name] = Tag.objects.get_or_create(name=name)[0]
        return self.tags[name]

    def authors_for(self, names):
        """Authors for display names (compared through normalize()), creating the new ones."""
        if self.authors is None:
            self.authors = {normalize(a.name): a for a in Author.objects.order_by("-id")}
        new = {}
        for name in names:
            key = normalize(name)
            if key and key not in self.authors and key not in new:
                new[key] = Author(name=name[:120], slug=self._free_slug(name, new.values()))
        if new:
            Author.objects.bulk_create(new.values())
            self.authors.update(new)
        return {name: self.authors.get(normalize(name)) for name in names}

    @staticmethod
    def _free_slug(name, pending):
        base = slugify_ar(name, max_length=110) or "author"
        taken = {a.slug for a in pending}
        taken.update(Author.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, serial = base, 1
        while slug in taken:
            serial += 1
            slug = f"{base}-{serial}"
        return slug


def _write(fields, cache):
    """Create or update the batch's articles with their sections, tags and bylines."""
    existing = {
        article.source_url: article
        for article in Article.objects.filter(source_url__in=[f.url for f in fields]).only(
            "id", "source_url", "headline", "slug", "body", "published_at", "section_id"
        )
    }
    # In record order, so the first spelling of a name met is the one kept.
    authors = cache.authors_for(dict.fromkeys(f.author_name for f in fields if f.author_name))
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

    created, updated, unchanged = [], [], 0
    wanted = []  # (article, author or None, tag)
    for item in fields:
        section = cache.section(item.section_slug)
        tag = cache.tag(item.tag_name) if item.tag_name else None
        author = authors.get(item.author_name) if item.author_name else None
        article = existing.get(item.url)
        if article is None:
            article = Article(
                source_url=item.url,
                headline=item.headline,
                slug=item.slug,
                body=item.body,
                published_at=item.published_at,
                section=section,
            )
            created.append(article)
        else:
            same = (
                article.headline == item.headline
                and article.body == item.body
                and article.published_at == item.published_at
                and article.section_id == section.id
                and bylines.get(article.id, set()) == ({author.id} if author else set())
                and (tag is None or (article.id, tag.id) in tagged)
            )
            if same:
                unchanged += 1
                continue
            article.headline, article.slug, article.body = item.headline, item.slug, item.body
            article.published_at, article.section = item.published_at, section
            article.updated_at = timezone.now()
            updated.append(article)
        wanted.append((article, author, tag))

    Article.objects.bulk_create(created)
    if updated:
        Article.objects.bulk_update(
            updated, ["headline", "slug", "body", "published_at", "section", "updated_at"]
        )
        # The source's byline replaces the old one; tags editors added are kept.
        Byline.objects.filter(article__in=updated).delete()
    Byline.objects.bulk_create(
        Byline(article=article, author=author, order=0)
        for article, author, _tag in wanted
        if author
    )
    Article.tags.through.objects.bulk_create(
        [
            Article.tags.through(article_id=article.id, tag_id=tag.id)
            for article, _author, tag in wanted
            if tag
        ],
        ignore_conflicts=True,
    )
    if created or updated:
        workflow.publish_imported(created, by=None, updated=updated)
    return {
        "created": len(created),
        "updated": len(updated),
        "unchanged": unchanged,
        "ids": [article.pk for article in (*created, *updated)],
    }
