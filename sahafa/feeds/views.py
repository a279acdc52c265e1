"""The sitemap index and the monthly article sitemaps (sitemaps.py says why monthly)."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from sahafa.articles import surrogate

from .sitemaps import SectionSitemap, article_month_items, month_urlset

# Years a month sitemap may name: those whose months convert to UTC and back everywhere.
MIN_YEAR, MAX_YEAR = 1000, 9998


def sitemap_index(request):
    """Lists the sections' sitemap and one sitemap per month with public articles; stored
    under `latest`, which every announced change to an article purges."""
    surrogate.show(request, "latest")
    base = settings.SAHAFA_BASE_URL
    items = [SitemapIndexItem(base + reverse("feeds:sitemap-sections"), None)]
    items += article_month_items(base)
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def month_sitemap(request, year, month):
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise Http404
    urlset = month_urlset(year, month)
    if urlset is None:
        raise Http404
    surrogate.show(request, f"archive-{year:04d}-{month:02d}")
    response = HttpResponse(urlset, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sections_sitemap(request):
    surrogate.show(request, "latest")
    return sitemap_views.sitemap(request, sitemaps={"sections": SectionSitemap})
