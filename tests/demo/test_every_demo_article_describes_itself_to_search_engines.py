"""Search engines and social networks read each page's structured data: on every article
of the demo newspaper, the NewsArticle has what Google's article and Top Stories reports
require (an author or the newspaper, an image, the publisher's logo, dates, section,
keywords, access), a BreadcrumbList leads back to the section, and the social card is a
large image. The front page describes the site and its search."""

import json
import re
from datetime import datetime

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from sahafa.articles.models import Article
from sahafa.demo.loader import load_demo_content

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')


def structured_data(html):
    return {block["@type"]: block for block in map(json.loads, JSON_LD.findall(html))}


def metadata(html):
    found = {}
    for name, content in META.findall(html):
        found.setdefault(name, content)
    return found


def absolute(url):
    assert url.startswith(settings.SAHAFA_BASE_URL), url
    return url


def check_organization(organization):
    assert organization["@type"] == "NewsMediaOrganization"
    assert organization["name"] == settings.SAHAFA_SITE_NAME
    logo = organization["logo"]
    assert logo["@type"] == "ImageObject"
    assert absolute(logo["url"]).endswith(".png")
    assert logo["width"] == logo["height"] == 512


def check_article(article, html):
    data = structured_data(html)
    # A live blog's is a LiveBlogPosting, a kind of article (tests/live).
    news = data.get("NewsArticle") or data["LiveBlogPosting"]
    url = settings.SAHAFA_BASE_URL + article.get_absolute_url()
    assert news["@context"] == "https://schema.org"
    assert news["headline"] == article.headline[:110]
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert news["articleSection"] == article.section.name
    assert news["keywords"] == [tag.name for tag in article.tags.all()]
    assert news["isAccessibleForFree"] is True
    assert news["inLanguage"] == "ar"
    assert datetime.fromisoformat(news["datePublished"]) == article.published_at
    modified = datetime.fromisoformat(news["dateModified"])
    assert modified == (article.materially_updated_at or article.published_at)
    assert news["image"] and all(absolute(image) for image in news["image"])
    if article.lead_image:
        assert news["image"] == [settings.SAHAFA_BASE_URL + article.lead_image.url]
    check_organization(news["publisher"])
    authors = article.byline_authors
    if authors:
        assert [(a["@type"], a["name"], a["url"]) for a in news["author"]] == [
            ("Person", author.name, settings.SAHAFA_BASE_URL + author.get_absolute_url())
            for author in authors
        ]
    else:
        (organization,) = news["author"]
        check_organization(organization)

    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert [crumb["item"] for crumb in crumbs] == [
        settings.SAHAFA_BASE_URL + "/",
        settings.SAHAFA_BASE_URL + article.section.get_absolute_url(),
        url,
    ]

    meta = metadata(html)
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:type"] == "article"
    assert meta["og:url"] == url
    assert meta["og:image"] == news["image"][0]
    assert meta["og:title"] == article.search_title
    assert meta["description"] == meta["og:description"] == article.search_description
    return news


def test_every_demo_article_has_complete_structured_data(reader):
    load_demo_content()
    public = list(Article.objects.published().select_related("section").prefetch_related("tags"))
    assert len(public) >= 35

    described = [
        check_article(article, reader.get(article.get_absolute_url()).content.decode())
        for article in public
    ]

    # The demo has both kinds of story: bylined and the newspaper's own; with and without
    # a lead image (the site's share image stands in).
    authors = {news["author"][0]["@type"] for news in described}
    assert authors == {"Person", "NewsMediaOrganization"}
    default = settings.SAHAFA_BASE_URL + settings.STATIC_URL + "sahafa/share.png"
    assert any(news["image"] == [default] for news in described)
    assert any(news["image"] != [default] for news in described)


def test_the_front_page_describes_the_site_and_its_search(reader):
    load_demo_content()
    html = reader.get("/").content.decode()

    site = structured_data(html)["WebSite"]
    assert site["url"] == settings.SAHAFA_BASE_URL + "/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        settings.SAHAFA_BASE_URL + "/search/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"
    check_organization(site["publisher"])
    meta = metadata(html)
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:site_name"] == settings.SAHAFA_SITE_NAME
    assert absolute(meta["og:image"])
    # The default share image and the logo are static files of the sizes the data says
    # (social cards want 1200×675 or so; the logo is square).
    for path, size in (("sahafa/share.png", (1200, 675)), ("sahafa/logo.png", (512, 512))):
        with Image.open(finders.find(path)) as image:
            assert image.size == size
