"""The demo newspaper has a photo story: pictures from the library with their renditions,
a table, a pull quote and a YouTube video behind a click."""

import pytest

from sahafa.articles.models import Article
from sahafa.demo.loader import KEY_URL, load_demo_content
from sahafa.media.models import Image, LeadImage

pytestmark = pytest.mark.django_db


def test_the_demo_photo_story_shows_library_pictures_a_table_and_an_embed(reader):
    load_demo_content()
    story = Article.objects.get(source_url=KEY_URL.format("dates-season-photo-story"))

    assert story.is_public
    assert LeadImage.objects.get(article=story).image.renditions.count() > 0
    assert all(image.renditions.exists() for image in Image.objects.all())
    html = reader.get(story.get_absolute_url()).content.decode()
    assert html.count("<picture>") == 4  # the lead and three in the body
    assert '<source type="image/avif"' in html and '<source type="image/webp"' in html
    assert "<table>" in html and 'class="pullquote"' in html
    assert "اضغط لعرض المحتوى من YouTube" in html
    assert "تصوير: <bdi>Reuters</bdi>" in html
