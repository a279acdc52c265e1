"""The read API, version 1: /api/v1/… (docs/api.md). Public articles only, through
`Article.objects.published()`, the one public rule; each response names what it shows
(surrogate keys), so the page cache and a CDN forget it when that changes."""

from datetime import UTC, date, datetime
from typing import Literal

from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Path, Query, Router

from sahafa.articles import surrogate
from sahafa.articles.models import Article, Author, Section, Tag
from sahafa.live.models import LiveBlog
from sahafa.live.presence import published_entries
from sahafa.mostread import lists as most_read_lists
from sahafa.related.selection import shown_for
from sahafa.search.engine import search as run_search
from sahafa.search.forms import SearchForm
from sahafa.search.highlight import snippet

from . import cursors, present
from .errors import BadParameter
from .schemas import (
    ArticleDetail,
    ArticlePage,
    AuthorDetail,
    AuthorPage,
    BadRequest,
    LiveBlogOut,
    MostRead,
    NotFound,
    RateLimited,
    SearchPage,
    SectionOut,
    TagPage,
)

router = Router()

SLUG = r"^[-\w]+$"
MAX_ID = 2**63 - 1
# What `present.card()` shows beyond the card's own row.
LISTED_RELATIONS = ("byline_set__author", "tags")
# Dates outside these years are clamped: converted to UTC they could overflow.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, tzinfo=UTC)
ERRORS = {400: BadRequest, 429: RateLimited}


def slug_query(what):
    return Query(None, pattern=SLUG, max_length=120, description=f"The {what}'s slug.")


def cursor_query():
    return Query(
        None,
        max_length=400,
        description="The `next_cursor` of the previous page; absent for the first page.",
    )


def moment(value):
    """An aware datetime (a naive one is in the newsroom's zone), clamped to sane years."""
    if value is None:
        return None
    if value.year < EARLIEST.year:
        return EARLIEST
    if value.year > LATEST.year:
        return LATEST
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def lookup(model, slug, field, message):
    if slug is None:
        return None
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise BadParameter(field, message)
    return found


def after(queryset, cursor, paging):
    if not cursor:
        return queryset
    try:
        return paging(queryset, cursor)
    except cursors.BadCursor as error:
        raise BadParameter("cursor", "مؤشر صفحة غير صالح: استخدم next_cursor كما جاء.") from error


def page_of(request, rows, limit, cursor_of, present_one):
    """The page's answer from `rows`, up to limit + 1 of them: the extra one says there is
    a next page, which starts after the last one shown."""
    items, next_cursor, next_url = rows[:limit], None, None
    if len(rows) > limit:
        next_cursor = cursor_of(items[-1])
        params = request.GET.copy()
        params["cursor"] = next_cursor
        next_url = present.absolute(request.path + "?" + params.urlencode())
    return {
        "items": [present_one(item) for item in items],
        "next_cursor": next_cursor,
        "next": next_url,
    }


@router.get(
    "/articles",
    response={200: ArticlePage, **ERRORS},
    url_name="articles",
    summary="Published articles, newest first",
    tags=["articles"],
)
def articles(
    request,
    section: str | None = slug_query("section"),
    tag: str | None = slug_query("tag"),
    author: str | None = slug_query("author"),
    since: datetime | None = Query(
        None, description="Published at or after this moment (ISO 8601; no offset: Sahafa's zone)."
    ),
    until: datetime | None = Query(None, description="Published before this moment (ISO 8601)."),
    updated_since: datetime | None = Query(
        None,
        description="Changed at or after this moment (`updated_at`), for incremental sync.",
    ),
    cursor: str | None = cursor_query(),
    limit: int = Query(20, ge=1, le=100, description="Articles per page."),
):
    """Newest first, by publication time then id, so equal times keep one order; pages
    follow `next` (a cursor: new stories never shift a page)."""
    public = Article.objects.published()
    shows = []
    if found := lookup(Section, section, "section", "لا يوجد قسم بهذا الاسم المختصر."):
        public = public.filter(section=found)
        shows.append(f"section-{found.pk}")
    if found := lookup(Tag, tag, "tag", "لا يوجد وسم بهذا الاسم المختصر."):
        public = public.filter(tags=found)
        shows.append(f"tag-{found.pk}")
    if found := lookup(Author, author, "author", "لا يوجد كاتب بهذا الاسم المختصر."):
        public = public.filter(authors=found)
        shows.append(f"author-{found.pk}")
    if since := moment(since):
        public = public.filter(published_at__gte=since)
    if until := moment(until):
        public = public.filter(published_at__lt=until)
    if updated_since := moment(updated_since):
        public = public.filter(updated_at__gte=updated_since)
    public = after(public.newest_first(), cursor, cursors.newest_first_after)
    rows = list(public.for_cards().prefetch_related(*LISTED_RELATIONS)[: limit + 1])
    # A list filtered by section, tag or author changes with what is published there; any
    # other list with whatever is published.
    surrogate.show(request, *(shows or ["latest"]), *surrogate.articles(rows[:limit]))
    return page_of(request, rows, limit, cursors.newest_first_cursor, present.card)


@router.get(
    "/articles/{id}",
    response={200: ArticleDetail, 404: NotFound, **ERRORS},
    url_name="article",
    summary="One published article",
    tags=["articles"],
)
def article(request, id: int = Path(..., ge=1, le=MAX_ID)):
    """A draft, a scheduled article not yet due or an unpublished one is 404."""
    found = get_object_or_404(
        Article.objects.published().for_cards().prefetch_related(*LISTED_RELATIONS), pk=id
    )
    see_also, related, keys = shown_for(found)
    surrogate.show(request, f"article-{found.pk}", *keys)
    return present.detail(found, see_also, related)


@router.get(
    "/articles/{id}/live",
    response={200: LiveBlogOut, 404: NotFound, **ERRORS},
    url_name="article_live",
    summary="A published article's live coverage",
    tags=["articles"],
)
def article_live(request, id: int = Path(..., ge=1, le=MAX_ID)):
    """The entries of a live blog («تغطية مباشرة»); 404 for an article that is not public
    or has no live coverage."""
    blog = get_object_or_404(
        LiveBlog.objects.filter(article__in=Article.objects.published()).select_related(
            "article__section"
        ),
        pk=id,
    )
    surrogate.show(request, f"article-{blog.pk}")
    return present.live_blog(blog, published_entries(blog))


@router.get(
    "/sections",
    response={200: list[SectionOut], **ERRORS},
    url_name="sections",
    summary="Every section, in the site's menu order",
    tags=["sections, tags, authors"],
)
def sections(request):
    # Every page shows the sections menu: `site` (always shown) is purged when it changes.
    surrogate.show(request)
    return [present.section(item) for item in Section.objects.all()]


def with_public_articles(model, field):
    public = Article.objects.published().filter(**{field: OuterRef("pk")})
    return model.objects.filter(Exists(public))


def names_page(request, model, field, cursor, limit):
    """Tags or authors with a public article, by name: the list changes with what is
    published (`latest`) and with their names (a rename announces their articles)."""
    found = after(
        with_public_articles(model, field).order_by("name", "pk"), cursor, cursors.by_name_after
    )
    surrogate.show(request, "latest")
    return page_of(request, list(found[: limit + 1]), limit, cursors.by_name_cursor, present.named)


@router.get(
    "/tags",
    response={200: TagPage, **ERRORS},
    url_name="tags",
    summary="Tags with published articles, by name",
    tags=["sections, tags, authors"],
)
def tags(
    request,
    cursor: str | None = cursor_query(),
    limit: int = Query(100, ge=1, le=200, description="Tags per page."),
):
    return names_page(request, Tag, "tags", cursor, limit)


@router.get(
    "/authors",
    response={200: AuthorPage, **ERRORS},
    url_name="authors",
    summary="Authors with published articles, by name",
    tags=["sections, tags, authors"],
)
def authors(
    request,
    cursor: str | None = cursor_query(),
    limit: int = Query(100, ge=1, le=200, description="Authors per page."),
):
    return names_page(request, Author, "authors", cursor, limit)


@router.get(
    "/authors/{slug}",
    response={200: AuthorDetail, 404: NotFound, **ERRORS},
    url_name="author",
    summary="One author with published articles",
    tags=["sections, tags, authors"],
)
def author(request, slug: str = Path(..., pattern=SLUG, max_length=120)):
    found = get_object_or_404(with_public_articles(Author, "authors"), slug=slug)
    surrogate.show(request, f"author-{found.pk}")
    return present.author_detail(found)


@router.get(
    "/search",
    response={200: SearchPage, **ERRORS},
    url_name="search",
    summary="Search published articles, best match first",
    tags=["search"],
)
def search(
    request,
    q: str = Query(
        "",
        max_length=500,
        description='The words as a reader types them: "a phrase", -excluded. Spelling '
        "variants (hamza, ta marbuta, tashkeel, tatweel) match.",
    ),
    section: str | None = slug_query("section"),
    date_from: date | None = Query(
        None, alias="from", description="Published on or after (YYYY-MM-DD)."
    ),
    date_to: date | None = Query(
        None, alias="to", description="Published on or before (YYYY-MM-DD)."
    ),
    page: int = Query(1, ge=1, le=10**6, description="Page of 10 results."),
):
    """The site's search (docs/search.md), ten results a page. Not stored by the page
    cache: the index follows an edit a moment after the purge."""
    form = SearchForm(request.GET)
    filters = form.filters()
    if form.errors:
        field, messages = next(iter(form.errors.items()))
        raise BadParameter(field, " ".join(messages))
    found = run_search(q.replace("\x00", " ").strip(), page=page, **filters)
    prefetch_related_objects(found.articles, *LISTED_RELATIONS)
    items = []
    for hit in found.articles:
        _plain, marked = snippet(hit, found.query.terms)
        items.append({**present.card(hit), "highlight": str(marked)})
    return {
        "items": items,
        "total": found.total,
        "page": found.page,
        "pages": found.num_pages,
        "matched_any_term": found.matched_any_term,
        "suggestion": found.suggestion,
    }


@router.get(
    "/most-read",
    response={200: MostRead, **ERRORS},
    url_name="most-read",
    summary="«الأكثر قراءة»: the most read articles of the last 24 hours or 7 days",
    tags=["articles"],
)
def most_read(
    request,
    window: Literal["24h", "7d"] = Query("24h", description="`24h` or `7d`."),
    section: str | None = slug_query("section"),
):
    """The list the site shows, from views counted by its pages, computed anew every few
    minutes; for the whole site, or one section."""
    found = lookup(Section, section, "section", "لا يوجد قسم بهذا الاسم المختصر.")
    entries = most_read_lists.most_read(window, found.pk if found else None)
    public = Article.objects.published().for_cards().prefetch_related(*LISTED_RELATIONS)
    cards = public.in_bulk([pk for pk, _views in entries])
    ranked = [(cards[pk], views) for pk, views in entries if pk in cards]
    surrogate.show(
        request,
        most_read_lists.SURROGATE_KEY,
        *surrogate.articles(article for article, _views in ranked),
    )
    return {
        "window": window,
        "section": present.section(found) if found else None,
        "items": [
            {"rank": rank, "views": views, "article": present.card(article)}
            for rank, (article, views) in enumerate(ranked, start=1)
        ],
    }
