"""A reader opens the front page and an article in Chromium, on a 375 px phone and a desktop:
right to left, the headline, the «شاهد أيضاً» box, and never a sideways scroll.
Screenshots land in test-artifacts/ for a human to look at."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import make_article, make_author, make_section

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True)

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
WATER_TALKS = (
    "<p>اتفق وزراء خارجية دول مجلس التعاون الخليجي في الرياض على إطار مشترك للأمن المائي، "
    "يتضمن ربط محطات تحلية المياه بشبكة أنابيب إقليمية وإنشاء مخزون استراتيجي للمياه.</p>"
    "<blockquote><p>«الماء لم يعد ملفاً فنياً، بل أصبح في صلب الأمن الوطني»</p></blockquote>"
    "<p>وقال الأمين العام إن الخطة تمتد حتى عام 2035، وإن لجنة فنية دائمة ستتابع "
    "توحيد معايير جودة المياه وتبادل البيانات بين محطات التحلية.</p>"
)
WATER_FOLLOW_UP = (
    "<p>عقدت اللجنة الفنية الخليجية اجتماعها الأول لمتابعة ملف الأمن المائي، وناقش "
    "الخبراء جداول زمنية لتوحيد معايير الجودة في محطات التحلية الكبرى.</p>"
    "<p>وأوضح مسؤول في الأمانة العامة أن المياه المحلاة تغطي معظم حاجة دول المجلس "
    "من مياه الشرب، وأن شبكة الأنابيب المقترحة ستمنح كل دولة احتياطياً عند الأزمات.</p>"
)


def picture(name, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 675), colour).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def newspaper(transactional_db, newsroom_roles_kept):
    now = timezone.now()
    politics = make_section("سياسة", slug="politics", order=1)
    economy = make_section("اقتصاد", slug="economy", order=2)
    layla = make_author("ليلى حداد")
    follow_up = make_article(
        "لجنة خليجية تبدأ توحيد معايير جودة المياه في محطات التحلية",
        section=politics,
        kicker="تنفيذاً لقرار الوزراء..",
        body=WATER_FOLLOW_UP,
        authors=[layla],
        published_at=now - timedelta(hours=3),
        lead_image=picture("committee.jpg", "#2d6a8a"),
    )
    article = make_article(
        "وزراء خارجية الخليج يتفقون على إطار مشترك للأمن المائي",
        section=politics,
        kicker="في ختام اجتماع استثنائي..",
        standfirst="اتفق الوزراء على ربط محطات التحلية وإنشاء مخزون استراتيجي للمياه.",
        body=WATER_TALKS,
        authors=[layla],
        tags=["المياه", "الخليج"],
        dateline="الرياض",
        is_breaking=True,
        published_at=now - timedelta(hours=1),
        lead_image=picture("ministers.jpg", "#7a4b2a"),
        lead_image_caption="وزراء خارجية دول مجلس التعاون خلال اجتماعهم في الرياض",
    )
    for number, headline in enumerate(
        [
            "البنك المركزي يثبت أسعار الفائدة ويلمّح إلى خفض قبل نهاية العام",
            "أسعار النفط تستقر قرب 80 دولاراً مع ترقب قرار أوبك+",
            "طرح عام أولي لشركة أغذية يجتذب طلبات تفوق المعروض 12 مرة",
        ]
    ):
        make_article(
            headline,
            section=economy,
            published_at=now - timedelta(hours=5 + number),
            lead_image=picture(f"economy-{number}.jpg", "#3f6b3a"),
        )
    return {"article": article, "see_also": follow_up}


def show_all_pictures(page):
    """Full-page screenshots should show lazy pictures too."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_load_state("networkidle")


def test_the_front_page_reads_right_to_left_on_a_phone_and_a_desktop(
    live_server, page, artifacts, newspaper
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator(".lead-headline").inner_text() == newspaper["article"].headline
    assert page.locator(".breaking-label").inner_text() == "عاجل"
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    show_all_pictures(page)
    page.screenshot(path=artifacts / "reader-home-375.png", full_page=True)

    page.set_viewport_size(DESKTOP)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.screenshot(path=artifacts / "reader-home-1280.png", full_page=True)


def test_an_article_on_a_phone_shows_the_headline_and_see_also(
    live_server, page, artifacts, newspaper
):
    article, see_also = newspaper["article"], newspaper["see_also"]
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + article.get_absolute_url())

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == article.headline
    box = page.locator(".see-also")
    box.scroll_into_view_if_needed()
    assert box.is_visible()
    assert box.locator("h2").inner_text() == "شاهد أيضاً"
    assert box.locator(".see-also-headline").inner_text() == see_also.headline
    assert box.locator(".see-also-excerpt").inner_text().endswith("…")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.screenshot(path=artifacts / "reader-article-375.png", full_page=True)

    page.set_viewport_size(DESKTOP)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.screenshot(path=artifacts / "reader-article-1280.png", full_page=True)


def test_a_keyboard_reader_sees_the_skip_link_and_where_focus_is(live_server, page, newspaper):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")

    skip = page.locator(".skip-link")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    assert skip.evaluate("link => getComputedStyle(link).outlineStyle") == "solid"


def test_a_section_page_fits_a_phone(live_server, page, artifacts, newspaper):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/economy/")

    assert page.locator("h1").inner_text() == "اقتصاد"
    assert page.locator(".listing-count").inner_text() == "3 مقالات"
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    show_all_pictures(page)
    page.screenshot(path=artifacts / "reader-section-375.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=artifacts / "reader-section-1280.png", full_page=True)
