"""A visitor to the demo newspaper finds a correction on a story and on /corrections/."""

import pytest

from sahafa.articles.models import Article
from sahafa.demo.loader import KEY_URL, load_demo_content

pytestmark = pytest.mark.django_db


def test_the_demo_election_story_carries_its_correction(reader):
    load_demo_content()
    article = Article.objects.get(source_url=KEY_URL.format("election-law-passed"))

    page = reader.get(article.get_absolute_url()).content.decode()
    listing = reader.get("/corrections/").content.decode()

    assert '<aside class="corrections" dir="rtl"' in page
    assert "والصحيح أنهم 39 نائباً" in page
    assert "والصحيح أنهم 39 نائباً" in listing and article.headline in listing
    assert article.materially_updated_at == article.corrections.get().at
