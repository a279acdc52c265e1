"""Reading a WordPress eXtended RSS (WXR 1.0-1.2) export as a stream.

The file is parsed with the standard library's expat through defusedxml (no DTDs'
entities, no external entities: an XML bomb stops the import) and `iterparse`: each
`<item>` is turned into a `Post` and dropped from the tree, so memory stays flat whatever
the export's size. `scan()` reads the file once before anything is written: it checks that
the whole file is well-formed (an error names its line) and collects what items refer to
across the file (authors, attachments), so the import pass may meet them in any order.

What the scan collects per item (each attachment's URL and caption, which post it belongs
to, where each post id first appears) is kept in a `Scratch` table on disk, not in memory:
a 1 GB export has hundreds of thousands of attachments, and the import's memory must not
grow with them.
"""

import html
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WP_NAMESPACE = "http://wordpress.org/export/"
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
NO_DATE = "0000-00-00 00:00:00"
SITE_FIELDS = {
    "wp:wxr_version": "version",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "link": "link",
}


class WXRError(Exception):
    """The file cannot be imported at all; the message names the line where it can."""


def _name(tag):
    """`{http://wordpress.org/export/1.2/}post_id` -> `wp:post_id`, whatever the WXR version."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    if namespace.startswith(WP_NAMESPACE):
        return ("excerpt:" if namespace.endswith("/excerpt/") else "wp:") + local
    prefix = PREFIXES.get(namespace)
    return f"{prefix}:{local}" if prefix else local


@dataclass
class Comment:
    id: int
    author: str
    email: str
    url: str
    ip: str
    date_gmt: datetime | None
    date_local: str
    content: str
    approved: str
    type: str
    parent: int


@dataclass
class Post:
    id: int
    type: str
    status: str
    title: str
    link: str
    guid: str
    content: str
    excerpt: str
    date_gmt: datetime | None
    date_local: str  # the site's local time, as permalinks use it: "2019-05-03 14:00:00"
    name: str  # percent-decoded slug
    creator: str  # the author's login
    parent: int
    attachment_url: str
    categories: list = field(default_factory=list)  # (domain, nicename, name)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


@dataclass
class Channel:
    """What the export says about the whole site."""

    version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    link: str = ""
    authors: dict = field(default_factory=dict)  # login -> display name
    categories: dict = field(default_factory=dict)  # nicename -> (name, parent nicename)
    tags: dict = field(default_factory=dict)  # nicename -> name
    items: int = 0
    # The per-item facts of a scan (attachments, first places of post ids), on disk.
    scratch: "Scratch | None" = None

    @property
    def site_url(self):
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


def parse_date(text):
    text = (text or "").strip()
    if not text or text == NO_DATE:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _int(text):
    try:
        return int((text or "").strip())
    except ValueError:
        return 0


def _children(element):
    """{name: text} of an element's simple children (the last one of each name)."""
    return {_name(child.tag): child.text or "" for child in element}


def _post(element):
    values = _children(element)
    post = Post(
        id=_int(values.get("wp:post_id")),
        type=values.get("wp:post_type", "post").strip(),
        status=values.get("wp:status", "").strip(),
        title=values.get("title", ""),
        link=values.get("link", "").strip(),
        guid=values.get("guid", "").strip(),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", ""),
        date_gmt=parse_date(values.get("wp:post_date_gmt")),
        date_local=values.get("wp:post_date", "").strip(),
        name=unquote(values.get("wp:post_name", "").strip()),
        creator=values.get("dc:creator", "").strip(),
        parent=_int(values.get("wp:post_parent")),
        attachment_url=values.get("wp:attachment_url", "").strip(),
    )
    for child in element:
        name = _name(child.tag)
        if name == "category":
            post.categories.append(
                (
                    child.get("domain", "category"),
                    unquote(child.get("nicename", "")),
                    html.unescape(child.text or "").strip(),
                )
            )
        elif name == "wp:postmeta":
            meta = _children(child)
            post.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            c = _children(child)
            post.comments.append(
                Comment(
                    id=_int(c.get("wp:comment_id")),
                    author=c.get("wp:comment_author", "").strip(),
                    email=c.get("wp:comment_author_email", "").strip(),
                    url=c.get("wp:comment_author_url", "").strip(),
                    ip=c.get("wp:comment_author_IP", "").strip(),
                    date_gmt=parse_date(c.get("wp:comment_date_gmt")),
                    date_local=c.get("wp:comment_date", "").strip(),
                    content=c.get("wp:comment_content", ""),
                    approved=c.get("wp:comment_approved", "").strip(),
                    type=c.get("wp:comment_type", "").strip() or "comment",
                    parent=_int(c.get("wp:comment_parent")),
                )
            )
    return post


def _events(path):
    """(event, element) from the file; WXRError naming the line when it is not well-formed
    XML or tries entity tricks."""
    try:
        yield from iterparse(str(path), events=("start", "end"))
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise WXRError(
            f"{path}: ليس XML سليماً، السطر {line} العمود {column + 1}: {reason}."
        ) from error
    except DefusedXmlException as error:
        raise WXRError(f"{path}: يحوي ما يُمنع لأمان الخادم ({error}).") from error
    except OSError as error:
        raise WXRError(f"{path}: تعذّرت قراءته ({error.strerror or error}).") from error


def read(path, channel=None):
    """Yield the items of the export as Posts, in file order, keeping memory flat. Fills
    `channel` (a Channel) with the site-wide elements as they come."""
    channel = channel if channel is not None else Channel()
    stack = []
    root_checked = False
    for event, element in _events(path):
        if event == "start":
            if not root_checked:
                if _name(element.tag) != "rss":
                    raise WXRError(
                        f"{path}: ليس تصديراً من ووردبريس (العنصر الأول <{element.tag}>)."
                    )
                root_checked = True
            stack.append(element)
            continue
        stack.pop()
        name = _name(element.tag)
        if len(stack) != 2 or _name(stack[-1].tag) != "channel":
            continue  # only the channel's own children are read, when they end
        parent = stack[-1]
        if name == "item":
            channel.items += 1
            yield _post(element)
        elif name == "wp:author":
            values = _children(element)
            login = values.get("wp:author_login", "").strip()
            channel.authors[login] = values.get("wp:author_display_name", "").strip() or login
        elif name == "wp:category":
            values = _children(element)
            channel.categories[unquote(values.get("wp:category_nicename", ""))] = (
                html.unescape(values.get("wp:cat_name", "")).strip(),
                unquote(values.get("wp:category_parent", "")),
            )
        elif name == "wp:tag":
            values = _children(element)
            channel.tags[unquote(values.get("wp:tag_slug", ""))] = html.unescape(
                values.get("wp:tag_name", "")
            ).strip()
        elif name in SITE_FIELDS:
            setattr(channel, SITE_FIELDS[name], (element.text or "").strip())
        parent.remove(element)  # read: dropped, so the tree never grows
    if not channel.version:
        raise WXRError(f"{path}: ليس تصديراً من ووردبريس (لا يحوي wp:wxr_version).")
    return channel


class Scratch:
    """A throwaway SQLite file holding what the import looks up per item, so that memory
    stays the same for 2,000 posts or 2,000,000: attachments (id -> URL, caption, parent
    post), the ids of the posts already imported in this run (a later item with the same
    id is a repeat), and the ids of the articles the import changed. An empty name makes
    it SQLite's private temporary file, which SQLite unlinks as soon as it has opened it:
    it has no name in the temporary folder, so even kill -9 leaves nothing behind."""

    def __init__(self):
        self.db = sqlite3.connect("")
        self.db.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE attachment (id INTEGER PRIMARY KEY, url TEXT, caption TEXT,
                                     parent INTEGER, place INTEGER);
            CREATE INDEX attachment_parent ON attachment (parent, place);
            CREATE INDEX attachment_url ON attachment (url);
            CREATE TABLE seen (id INTEGER PRIMARY KEY);
            CREATE TABLE changed (id INTEGER PRIMARY KEY);
            """
        )
        self.attachments = _Attachments(self.db)

    def close(self):
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def note(self, post, place):
        """Remember what the import pass needs of the item at `place` (0, 1, ...)."""
        if post.type == "attachment":
            url = post.attachment_url or post.guid
            self.db.execute(
                "INSERT OR REPLACE INTO attachment VALUES (?, ?, ?, ?, ?)",
                (post.id, url, (post.excerpt or "").strip(), post.parent or None, place),
            )

    def children(self, post_id):
        """The post's own attachments' ids, in file order (what a bare [gallery] shows)."""
        rows = self.db.execute(
            "SELECT id FROM attachment WHERE parent = ? ORDER BY place", (post_id,)
        )
        return [row[0] for row in rows]

    def caption_of(self, url):
        """The caption of the export's attachment at `url`; None if none is there."""
        row = self.db.execute("SELECT caption FROM attachment WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def seen(self, post_id):
        return self.db.execute("SELECT 1 FROM seen WHERE id = ?", (post_id,)).fetchone() is not None

    def add_seen(self, post_id):
        self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (post_id,))

    def add_changed(self, ids):
        self.db.executemany("INSERT OR IGNORE INTO changed VALUES (?)", ((i,) for i in ids))

    def changed(self):
        """The ids given to add_changed(), read back at the end of the run."""
        return frozenset(row[0] for row in self.db.execute("SELECT id FROM changed"))


class _Attachments:
    """attachment id -> (url, caption), read from the scratch file: the mapping that
    content.Shortcodes and the featured image look up."""

    def __init__(self, db):
        self.db = db

    def get(self, attachment_id, default=None):
        row = self.db.execute(
            "SELECT url, caption FROM attachment WHERE id = ?", (attachment_id,)
        ).fetchone()
        return tuple(row) if row else default


def scan(path):
    """Read the whole export once, writing nothing to the site: WXRError if any of it is
    malformed; else the Channel with the count of items, the authors, and a Scratch with
    every attachment's URL and caption (a post may come before its attachments). The
    caller closes `channel.scratch`."""
    channel = Channel()
    channel.scratch = Scratch()
    try:
        for place, post in enumerate(read(path, channel)):
            channel.scratch.note(post, place)
        channel.scratch.db.commit()
    except BaseException:
        channel.scratch.close()
        raise
    return channel


def path_of(url):
    """The percent-decoded path (and `?p=` query) of an old URL, as Django's request.path
    reads it: `/2019/05/سلام/`."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    return path + (f"?{parts.query}" if parts.query else "")
