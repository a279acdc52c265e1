from dataclasses import dataclass, field
from itertools import groupby

from django.db.models.expressions import RawSQL
from django.http import Http404, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils.cache import add_never_cache_headers

from . import fragments, surrogate
from .csp import allow_inline, inline_hashes
from .listings import CountedPaginator
from .models import Article, Author, Section, Tag

PAGE_SIZE = 20
LATEST_SIZE = 6
HOME_SECTION_SIZE = 4
BREAKING_SIZE = 5
# No section has this id: it marks where a section's id goes in a compiled query.
STAND_IN_SECTION = -1


def page_of(request, queryset, key):
    # get_page() turns junk (page=-1, page=abc, page=10**100) into the nearest real page.
    return CountedPaginator(queryset, PAGE_SIZE, key).get_page(request.GET.get("page"))


def newest_per_section(articles, size):
    """The `size` newest of `articles` in each section, grouped by section in the sections'
    own order: [(section, [article, ...]), ...]. Per section, a subquery walks that
    section's newest-first index and stops after `size` rows; the subqueries are joined
    with UNION ALL inside the cards' query, so the archive's size does not matter and the
    sections cost one query, not one each (ranking every article with a window took 180 ms
    at 30,000, and SQLite scans the archive for one query OR-ing the sections' subqueries).
    The ORM compiles the subquery once, with a stand-in section id, rather than once per
    section (a query's compilation costs more than its run here); it cannot write the
    union itself, since SQLite wants each LIMIT wrapped in a subquery of its own."""
    sections = list(Section.objects.values_list("pk", flat=True))
    if not sections:
        return []
    newest = articles.filter(section_id=STAND_IN_SECTION).newest_first().values("pk")[:size]
    sql, params = newest.query.sql_with_params()
    at = params.index(STAND_IN_SECTION)
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS section_{n}" for n in sections)
    union_params = [value for pk in sections for value in (*params[:at], pk, *params[at + 1 :])]
    cards = (
        Article.objects.for_cards()
        .filter(pk__in=RawSQL(union, union_params))
        .order_by("section__order", "section__name", "-published_at", "-id")
    )
    return [(section, list(group)) for section, group in groupby(cards, key=lambda a: a.section)]


@dataclass(frozen=True)
class Placed:
    """Public stories placed on the front page by hand, as cards: the lead (or None), the
    featured stories in order, and {section id: cards} pinned at the top of its block."""

    lead: Article | None = None
    featured: tuple = ()
    in_sections: dict = field(default_factory=dict)

    @property
    def ids(self):
        pinned = (card.pk for cards in self.in_sections.values() for card in cards)
        return {card.pk for card in (self.lead, *self.featured) if card} | set(pinned)


# How the front page is arranged by hand: an add-on appends a function here in its
# AppConfig.ready() (sahafa/frontpage, the editors' arrangement), called with the request
# and returning `Placed`; the newest stories fill every slot it leaves empty.
FRONT_PAGE_PLACEMENTS = []


def pinned_first(sections, pinned, size):
    """Each section block with its pinned stories first, cut to `size`; a section with
    pinned stories only gets a block too."""
    blocks = {section.pk: (section, cards) for section, cards in sections}
    for section_id, cards in pinned.items():
        section, newest = blocks.get(section_id, (cards[0].section, []))
        blocks[section_id] = (section, [*cards, *newest][:size])
    return sorted(blocks.values(), key=lambda block: (block[0].order, block[0].name))


def front_page_stories(request):
    """Every story the front page shows, where: the lead, «آخر الأخبار», the ticker and
    each section's block, in a fixed number of queries."""
    placed = FRONT_PAGE_PLACEMENTS[-1](request) if FRONT_PAGE_PLACEMENTS else Placed()
    public = Article.objects.published().for_cards().newest_first()
    newest = list(public.exclude(pk__in=placed.ids)[: 1 + LATEST_SIZE])
    lead = placed.lead or (newest.pop(0) if newest else None)
    latest = [*placed.featured, *newest]
    if lead is None and latest:  # every public story is a featured one
        lead = latest.pop(0)
    latest = latest[:LATEST_SIZE]
    top = [lead, *latest] if lead else []
    breaking = list(
        Article.objects.breaking().select_related("section").newest_first()[:BREAKING_SIZE]
    )
    sections = pinned_first(
        newest_per_section(
            Article.objects.published().exclude(pk__in={card.pk for card in top} | placed.ids),
            HOME_SECTION_SIZE,
        ),
        placed.in_sections,
        HOME_SECTION_SIZE,
    )
    shown = [*top, *breaking, *(card for _section, cards in sections for card in cards)]
    surrogate.show(request, "latest", *surrogate.articles(shown))
    return {"lead": lead, "latest": latest, "breaking": breaking, "sections": sections}


def home(request):
    # The same stories for every reader until something readers see changes: their
    # queries (half of a render) run once per content version in each process.
    stories = fragments.kept(("front page",), lambda: front_page_stories(request), request)
    return render(request, "articles/home.html", {**stories})


def listing(request, template_context, articles):
    key = f"{template_context['kind']}-{template_context['object'].pk}"

    def listed_page():
        page = page_of(request, articles.for_cards().newest_first(), key)
        page.object_list = list(page.object_list)  # read once, not by each reuse
        surrogate.show(request, key, *surrogate.articles(page.object_list))
        return page

    # The same page of cards for every reader until something readers see changes.
    page = fragments.kept(("listing", key, request.GET.get("page")), listed_page, request)
    return render(request, "articles/listing.html", {**template_context, "page": page})


def section(request, slug):
    section = get_object_or_404(Section, slug=slug)
    return listing(
        request,
        {"kind": "section", "object": section, "section_in_view": section},
        Article.objects.published().in_section(section),
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return listing(
        request, {"kind": "tag", "object": tag}, Article.objects.published().filter(tags=tag)
    )


def author(request, slug):
    author = get_object_or_404(Author, slug=slug)
    return listing(
        request,
        {"kind": "author", "object": author},
        Article.objects.published().filter(authors=author),
    )


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("articles.change_article")


def detail(request, section, pk, slug=None):
    # Byline and tags are read by the page's parts only when a part is rendered anew. The
    # public article is kept per content version like its parts: any change to it is one.
    articles = Article.objects.select_related("section")
    article = fragments.kept(
        ("public article", pk), lambda: articles.published().filter(pk=pk).first(), request
    )
    if article is None and can_preview(request.user):
        article = articles.editable_by(request.user).filter(pk=pk).first()
    if article is None:
        raise Http404
    if section != article.section.slug or slug != article.slug:
        return redirect(article, permanent=article.is_public)
    is_preview = not article.is_public
    surrogate.show(request, f"article-{article.pk}")
    response = render(
        request,
        "articles/detail.html",
        {
            "article": article,
            "is_preview": is_preview,
            "section_in_view": article.section,
        },
    )
    if is_preview:
        # A draft must never sit in a shared cache or a search engine's index.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response


def share(request, pk):
    """The short link share buttons use: Arabic slugs turn into long percent-encoded
    strings in messaging apps."""
    article = get_object_or_404(Article.objects.published().select_related("section"), pk=pk)
    return redirect(article, permanent=True)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


# The error pages render without context processors (the database may be what failed)
# and without Django's requires_csrf_token: its CSRF check reads request.POST again, and a
# form Django refuses to decode (urlencoded in a charset other than UTF-8) raises again
# there, turning a 400 into a crash of the error page itself.
# Their styles are inline (nothing else to load when things fail), allowed by hash under
# the site's Content-Security-Policy.
def bad_request(request, exception=None):
    return _own_style_allowed(HttpResponseBadRequest(loader.get_template("400.html").render()))


def server_error(request):
    return _own_style_allowed(HttpResponseServerError(loader.get_template("500.html").render()))


def _own_style_allowed(response):
    return allow_inline(response, "style-src", inline_hashes(response.content, "style"))
