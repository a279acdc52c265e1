"""A library photo's caption and credit often carry Latin words («قمة G20», «AFP»): inside the
right-to-left figure each Latin run is isolated in <bdi>, as in cards, search results and
comments, so a caption that starts with one is not laid out left to right."""

import re

import pytest

from sahafa.media.models import LeadImage
from tests.factories import make_article

from .pictures import make_library_image

pytestmark = pytest.mark.django_db


def figures(reader, article):
    html = reader.get(article.get_absolute_url()).content.decode()
    return re.findall(r"<figure class=\"(?:lead|body)-figure\">.*?</figure>", html, re.S)


def test_a_lead_photos_caption_and_credit_isolate_their_latin_words(reader):
    image = make_library_image(caption="G20 تجتمع في الرياض <اليوم>", credit="AFP")
    article = make_article()
    LeadImage.objects.create(article=article, image=image)

    (lead,) = figures(reader, article)

    caption = re.search(r"<figcaption dir=\"rtl\">(.*?)</figcaption>", lead, re.S).group(1)
    assert caption.startswith("<bdi>G20</bdi> تجتمع في الرياض &lt;اليوم&gt;")
    assert "تصوير: <bdi>AFP</bdi>" in caption


def test_a_body_photo_with_the_librarys_words_isolates_them_too(reader):
    image = make_library_image(caption="OPEC+ تبحث خفض الإنتاج", credit="Reuters")
    article = make_article(body=f'<figure><img src="{image.file.url}" alt=""></figure>')

    (body,) = figures(reader, article)

    assert "<bdi>OPEC+</bdi> تبحث خفض الإنتاج" in body
    assert "تصوير: <bdi>Reuters</bdi>" in body
