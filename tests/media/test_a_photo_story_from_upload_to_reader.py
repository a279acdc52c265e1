"""A writer builds a photo story in the newsroom — photos uploaded to the library, one as
the lead, one in the body with a table, a pull quote and a YouTube link — an editor
publishes it, and readers get pictures in AVIF and WebP sized for their screens, and a
placeholder instead of YouTube until they ask for it."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from sahafa.articles.models import Article
from sahafa.media.models import Image, LeadImage, Rendition
from tests.factories import make_article, make_section
from tests.newsroom.admin_form import form_fields

from .pictures import make_library_image

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def story_body(image):
    return (
        "<p>افتُتح المعرض صباح اليوم بحضور OPEC+ وممثلي 40 دولة.</p>"
        f'<figure class="figure"><img src="{image.file.url}" alt="" data-file="3">'
        "<figcaption></figcaption></figure>"
        "<table><tbody><tr><th>الدولة</th><th>الزوار</th></tr>"
        "<tr><td>السعودية</td><td>12,000</td></tr></tbody></table>"
        '<blockquote class="pullquote"><p>نريد معرضاً لكل الناس</p></blockquote>'
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">'
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>"
    )


def test_a_writer_builds_a_photo_story_and_readers_get_renditions(writer, editor, reader):
    lead = make_library_image(
        size=(1600, 900), caption="الجناح السعودي في المعرض", credit="رنا المصري"
    )
    inside = make_library_image(size=(1000, 1400), caption="زوار أمام لوحة", credit="Reuters")
    data = form_fields(writer.get(ADD_URL))
    data.update(
        {
            "headline": "افتتاح معرض الكتاب بمشاركة 40 دولة",
            "body": story_body(inside),
            "section": str(make_section("ثقافة").pk),
            "library_lead-TOTAL_FORMS": "1",
            "library_lead-0-image": str(lead.pk),
            "_submit_for_review": "1",
        }
    )
    assert writer.post(ADD_URL, data).status_code == 302
    article = Article.objects.get(headline="افتتاح معرض الكتاب بمشاركة 40 دولة")
    assert LeadImage.objects.get(article=article).image == lead
    assert article.lead_image.name == lead.file.name  # cards, feeds and the API follow

    change_url = reverse("admin:articles_article_change", args=[article.pk])
    publish = editor.post(change_url, {**form_fields(editor.get(change_url)), "_publish": "1"})
    assert publish.status_code == 302
    article.refresh_from_db()
    assert article.is_public

    page = reader.get(article.get_absolute_url())
    html = page.content.decode()
    lead_figure = re.search(r'<figure class="lead-figure">.*?</figure>', html, re.S).group(0)
    assert '<source type="image/avif" srcset="' in lead_figure
    assert ".wide-480.avif 480w" in lead_figure and ".wide-1440.avif 1440w" in lead_figure
    assert 'width="1600" height="900" fetchpriority="high"' in lead_figure
    assert 'loading="lazy"' not in lead_figure
    body = re.search(r'<div class="article-body" dir="rtl">.*?</div>\n', html, re.S).group(0)
    assert body.count("<picture>") == 1
    assert ".full-480.webp 480w" in body and ".full-1000.webp 1000w" in body
    assert 'alt="متظاهرون يرفعون لافتات أمام مبنى البرلمان"' in body  # the library's alt
    assert 'width="1000" height="1400" loading="lazy"' in body
    assert "زوار أمام لوحة" in body and "تصوير: <bdi>Reuters</bdi>" in body
    assert "<td>السعودية</td>" in body
    assert '<blockquote class="pullquote">' in body
    assert "اضغط لعرض المحتوى من YouTube" in body
    assert "<iframe" not in html and "youtube-nocookie" not in body.split("data-embed-src")[0]
    policy = page.headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in policy


def test_a_page_without_embeds_frames_nothing(reader):
    article = make_article(body="<p>خبر بلا فيديو.</p>")
    page = reader.get(article.get_absolute_url())
    assert "frame-src" not in page.headers["Content-Security-Policy"]
    assert "embeds.js" not in page.content.decode()


def test_the_original_is_shown_until_the_renditions_are_made(reader):
    image = make_library_image()
    Rendition.objects.all().delete()
    article = make_article(body=f'<figure><img src="{image.file.url}" alt="صورة"></figure>')

    before = reader.get(article.get_absolute_url()).content.decode()
    assert f'<picture><img src="{image.file.url}" alt="صورة" width="640"' in before

    call_command("renditions")  # the safety net; it purges the stored page

    after = reader.get(article.get_absolute_url()).content.decode()
    assert '<source type="image/avif"' in after
    assert Rendition.objects.filter(image=image).count() == 8  # 480 and 640, twice each


def test_crops_stay_around_the_focal_point():
    portrait = make_library_image(size=(900, 1600), focal=(0.5, 0.1))
    wide = Rendition.objects.get(image=portrait, crop="wide", format="webp", width=900)
    assert (wide.width, wide.height) == (900, 506)
    from sahafa.media.renditions import crop_box

    assert crop_box(900, 1600, 16 / 9, 0.5, 0.1) == (0, 0, 900, 506)
    assert crop_box(900, 1600, 16 / 9, 0.5, 0.9) == (0, 1094, 900, 1600)
    assert crop_box(1600, 900, 16 / 9, 0.9, 0.5) == (0, 0, 1600, 900)

    portrait.focal_y = 0.9
    portrait.save()
    assert Rendition.objects.filter(image=portrait).count() == 12


def test_the_library_is_searched_through_the_arabic_normalizer(writer):
    make_library_image(caption="الأمير أسامة يفتتح المستشفى", credit="واس")
    make_library_image(caption="مباراة الهلال والنصر", credit="وكالة صحافة")

    found = writer.get(reverse("admin:media_image_changelist"), {"q": "اسامه"})

    assert [image.caption for image in found.context["cl"].result_list] == [
        "الأمير أسامة يفتتح المستشفى"
    ]
    assert Image.objects.matching("المستشفي واس").count() == 1


def test_the_editors_browse_button_opens_the_library_picker(writer):
    make_library_image(caption="الأمير أسامة يفتتح المستشفى", credit="واس")
    make_library_image(caption="مباراة الهلال والنصر")

    picker = writer.get(
        reverse("admin:media_image_picker"), {"CKEditorFuncNum": "-1", "q": "اسامه"}
    )

    html = picker.content.decode()
    assert picker.status_code == 200
    assert 'data-function-number="-1"' in html and "media/picker.js" in html
    assert "الأمير أسامة يفتتح المستشفى" in html and "مباراة الهلال والنصر" not in html
