from django.core.paginator import Paginator
from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from . import related
from .models import Article, Author, Section, Tag

PAGE_SIZE = 20
HOME_SECTION_SIZE = 4


def page_of(request, queryset):
    # get_page() turns junk (page=-1, page=abc, page=10**100) into the nearest real page.
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def home(request):
    public = Article.objects.published().for_cards().newest_first()
    lead = public.first()
    sections = []
    for section in Section.objects.all():
        articles = list(
            public.filter(section=section).exclude(pk=getattr(lead, "pk", None))[:HOME_SECTION_SIZE]
        )
        if articles:
            sections.append((section, articles))
    return render(
        request,
        "articles/home.html",
        {
            "lead": lead,
            "latest": public.exclude(pk=getattr(lead, "pk", None))[:6],
            "breaking": Article.objects.breaking().newest_first()[:5],
            "sections": sections,
        },
    )


def section(request, slug):
    section = get_object_or_404(Section, slug=slug)
    articles = Article.objects.published().in_section(section).for_cards().newest_first()
    return render(
        request,
        "articles/listing.html",
        {
            "title": section.name,
            "description": section.description,
            "page": page_of(request, articles),
            "kind": "section",
            "object": section,
        },
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.published().filter(tags=tag).for_cards().newest_first()
    return render(
        request,
        "articles/listing.html",
        {"title": tag.name, "page": page_of(request, articles), "kind": "tag", "object": tag},
    )


def author(request, slug):
    author = get_object_or_404(Author, slug=slug)
    articles = Article.objects.published().filter(authors=author).for_cards().newest_first()
    return render(
        request,
        "articles/listing.html",
        {
            "title": author.name,
            "description": author.bio,
            "page": page_of(request, articles),
            "kind": "author",
            "object": author,
        },
    )


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("articles.change_article")


def detail(request, section, pk, slug=None):
    articles = Article.objects.select_related("section").prefetch_related(
        "byline_set__author", "tags"
    )
    article = articles.published().filter(pk=pk).first()
    if article is None and can_preview(request.user):
        article = articles.editable_by(request.user).filter(pk=pk).first()
    if article is None:
        raise Http404
    if section != article.section.slug or slug != article.slug:
        return redirect(article, permanent=True)
    return render(
        request,
        "articles/detail.html",
        {
            "article": article,
            "is_preview": not article.is_public,
            "see_also": related.see_also(article),
        },
    )


def share(request, pk):
    """The short link share buttons use: Arabic slugs turn into long percent-encoded
    strings in messaging apps."""
    article = get_object_or_404(Article.objects.published().select_related("section"), pk=pk)
    return redirect(article, permanent=True)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
