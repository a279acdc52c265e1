"""What the API answers, as typed schemas: django-ninja turns them into the OpenAPI
document (/api/openapi.json) and checks every response against them before it is sent.

No schema has a field for an email address (authors' accounts, commenters): the only way
one could reach a client is through a field named here."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema


class Error(Schema):
    error: str = Field(
        description="Machine-readable code: invalid_parameter, not_found, rate_limited, "
        "method_not_allowed, server_error.",
    )
    message: str = Field(description="For a person, in Arabic.")
    fields: dict[str, list[str]] = Field(
        default_factory=dict,
        description="For invalid_parameter: each bad parameter, by its name, with what is "
        "wrong with it (Arabic).",
    )


class BadRequest(Error):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "error": "invalid_parameter",
                    "message": "معامل غير صالح.",
                    "fields": {"section": ["لا يوجد قسم بهذا الاسم المختصر."]},
                }
            ]
        }
    }


class NotFound(Error):
    model_config = {
        "json_schema_extra": {
            "examples": [{"error": "not_found", "message": "غير موجود.", "fields": {}}]
        }
    }


class RateLimited(Error):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "error": "rate_limited",
                    "message": "طلبات كثيرة من عنوانك: أعد المحاولة بعد المدة المذكورة في "
                    "Retry-After.",
                    "fields": {},
                }
            ]
        }
    }


class Named(Schema):
    id: int
    slug: str
    name: str
    url: str = Field(description="Its page on the site, absolute.")


class SectionOut(Named):
    description: str


class TagOut(Named):
    pass


class AuthorOut(Named):
    pass


class AuthorDetail(AuthorOut):
    bio: str
    photo: str | None = Field(description="The author's photo, absolute URL, or null.")
    articles: str = Field(description="This author's articles in this API, absolute.")


class Paged(Schema):
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
    next: str | None = Field(description="The next page's absolute URL; null at the end.")


class TagPage(Paged):
    items: list[TagOut]


class AuthorPage(Paged):
    items: list[AuthorOut]


class Rendition(Schema):
    width: int
    height: int
    url: str


class Image(Schema):
    url: str = Field(description="The original upload, absolute.")
    caption: str
    credit: str
    alt: str = Field(
        description="Text for readers who cannot see the image: the caption, else the headline "
        "(articles have no separate alt text yet)."
    )
    renditions: list[Rendition] = Field(
        description="Resized copies. Sahafa makes none yet: always an empty list, for now."
    )


class ArticleLink(Schema):
    id: int
    headline: str
    section: SectionOut
    url: str = Field(description="Canonical page, absolute.")
    published_at: datetime = Field(description="ISO 8601 with the newsroom's UTC offset.")
    api: str = Field(description="This article in the API, absolute.")


class ArticleCard(Schema):
    id: int
    kicker: str
    headline: str
    standfirst: str
    excerpt: str = Field(description="The standfirst, else the body's first words, in plain text.")
    section: SectionOut
    authors: list[AuthorOut] = Field(description="The byline, in order; empty for none.")
    tags: list[TagOut]
    lead_image: Image | None
    is_breaking: bool
    url: str = Field(description="Canonical page, absolute.")
    short_url: str = Field(description="Short share link (/a/<id>), absolute.")
    api: str = Field(description="This article in the API, absolute.")
    comment_count: int = Field(description="Approved comments.")
    published_at: datetime = Field(description="ISO 8601 with the newsroom's UTC offset.")
    updated_at: datetime = Field(
        description="Last change of any kind (what `updated_since` compares), ISO 8601."
    )
    materially_updated_at: datetime | None = Field(
        description="Last update the newsroom marked as material (shown to readers), or null."
    )


class CorrectionOut(Schema):
    kind: Literal["correction", "update"] = Field(
        description="`correction` («تصحيح») or `update` («تحديث»)."
    )
    label: str = Field(description="The kind in Arabic, as readers see it.")
    text: str = Field(description="The notice, plain text.")
    at: datetime = Field(description="When it was made, ISO 8601 with the newsroom's offset.")


class ArticleDetail(ArticleCard):
    dateline: str
    corrections: list[CorrectionOut] = Field(
        description="Corrections and updates shown above the body, newest first."
    )
    body_html: str = Field(
        description="Sanitized HTML: paragraphs, headings, lists, quotes, links, figures and "
        "tables only (the allow-list of sahafa/articles/sanitize.py), no script or style."
    )
    body_text: str = Field(description="The body as plain text, paragraphs on their own lines.")
    see_also: ArticleLink | None = Field(
        description="«شاهد أيضاً»: the most related story, else the newest of the section or site."
    )
    related: list[ArticleLink] = Field(description="«اقرأ أيضاً»: the next related stories.")


class LiveEntryOut(Schema):
    id: int
    title: str = Field(description="A few words in bold, or empty.")
    pinned: bool = Field(description="«عاجل»: the key entry, shown first.")
    body_html: str = Field(description="Sanitized HTML, the allow-list of the article body.")
    body_text: str
    published_at: datetime = Field(description="ISO 8601 with the newsroom's UTC offset.")
    url: str = Field(description="The entry's place on the article's page, absolute.")


class LiveBlogOut(Schema):
    article: int = Field(description="The article's id.")
    open: bool = Field(description="The coverage is live (false: «انتهت التغطية المباشرة»).")
    coverage_started: datetime
    coverage_ended: datetime | None
    entries: list[LiveEntryOut] = Field(
        description="Published entries, the pinned one first, then newest first."
    )


class ArticlePage(Paged):
    items: list[ArticleCard]


class SearchHit(ArticleCard):
    highlight: str = Field(
        description="A passage with the matched words in <mark>; every other character escaped."
    )


class SearchPage(Schema):
    items: list[SearchHit]
    total: int
    page: int
    pages: int
    matched_any_term: bool = Field(
        description="No article had every word: these have some of them."
    )
    suggestion: str = Field(description="A corrected spelling to offer, or empty.")


class MostReadEntry(Schema):
    rank: int = Field(description="1 for the most read.")
    views: int = Field(
        description="Views counted in the window when the list was last computed (every few "
        "minutes); bots, the newsroom and a reader's repeated views are not counted."
    )
    article: ArticleCard


class MostRead(Schema):
    window: Literal["24h", "7d"] = Field(description="The last 24 hours or the last 7 days.")
    section: SectionOut | None = Field(description="The section listed, or null for the site.")
    items: list[MostReadEntry] = Field(description="At most 10, most read first.")
