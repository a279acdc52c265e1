"""A reader on a phone scrolling the front page downloads pictures sized for a card, not
the photographer's original: cards and the front page's lead story use the library image's
renditions, like the article page."""

import re

import pytest

from sahafa.media.models import LeadImage
from tests.factories import make_article, make_section

from .pictures import make_library_image

pytestmark = pytest.mark.django_db


def picture_of(html, css_class):
    return re.search(rf'<picture>(?:(?!</picture>).)*class="{css_class}".*?</picture>', html, re.S)


def test_the_front_page_and_a_section_show_the_renditions_of_a_library_lead(reader):
    culture = make_section("ثقافة")
    photo = make_library_image(size=(1600, 900))
    story = make_article("افتتاح معرض الكتاب بمشاركة 40 دولة", section=culture)
    LeadImage.objects.create(article=story, image=photo)
    for number in range(3):  # the photo story is then a card under the newer ones
        make_article(f"خبر أحدث رقم {number}", section=culture)

    section_page = reader.get(culture.get_absolute_url()).content.decode()
    card = picture_of(section_page, "card-image").group(0)
    assert ".wide-480.avif 480w" in card and ".wide-1440.webp 1440w" in card
    assert 'sizes="(max-width: 40rem) 40vw, 22rem"' in card
    assert 'alt="" width="1600" height="900" loading="lazy"' in card

    newest = make_article("الخبر الرئيسي بصورة", section=culture)
    LeadImage.objects.create(article=newest, image=photo)
    home = reader.get("/").content.decode()
    lead = picture_of(home, "lead-image").group(0)
    assert ".wide-720.avif 720w" in lead and 'fetchpriority="high"' in lead


def test_an_uploaded_original_outside_the_library_is_shown_as_it_is(reader):
    story = make_article("خبر بصورة مرفوعة", section=make_section("محليات"))
    story.lead_image = "articles/2026/12/upload.jpg"
    story.save()
    for number in range(3):
        make_article(f"خبر أحدث رقم {number}", section=story.section)

    page = reader.get(story.section.get_absolute_url()).content.decode()
    assert '<img class="card-image" src="/media/articles/2026/12/upload.jpg" alt=""' in page
    assert "<picture>" not in page
