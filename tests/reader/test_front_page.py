"""A reader opens the front page: the lead story, the latest news, the «عاجل» ticker and a
block per section, in a fixed number of queries however much news there is."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from sahafa.articles.models import Article
from sahafa.pagecache.store import purge
from tests.factories import make_article, make_section


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def test_the_newest_story_leads_the_front_page(reader):
    politics = make_section("سياسة", slug="politics")
    make_article("البرلمان يناقش الموازنة العامة", section=politics, published_at=hours_ago(5))
    make_article("الحكومة تعلن خطة للإسكان", section=politics, published_at=hours_ago(1))

    html = reader.get("/").content.decode()

    lead = html.split('class="lead-story"', 1)[1].split("</section>", 1)[0]
    assert "الحكومة تعلن خطة للإسكان" in lead
    assert "البرلمان يناقش الموازنة العامة" in html.split('class="latest"', 1)[1]


def test_each_section_shows_its_own_newest_stories_without_repeating_the_top(reader):
    politics = make_section("سياسة", slug="politics", order=1)
    sports = make_section("رياضة", slug="sports", order=2)
    for number in range(8):
        make_article(f"خبر سياسي رقم {number}", section=politics, published_at=hours_ago(number))
    for number in range(6):
        make_article(f"خبر رياضي رقم {number}", section=sports, published_at=hours_ago(20 + number))

    html = reader.get("/").content.decode()

    blocks = html.split('class="home-section"')[1:]
    assert ["سياسة" in blocks[0], "رياضة" in blocks[1]] == [True, True]
    # 0 leads and 1-6 are the latest news, so politics shows its next story.
    assert "خبر سياسي رقم 7" in blocks[0]
    assert "خبر سياسي رقم 1<" not in blocks[0]
    sport_headlines = [n for n in range(6) if f"خبر رياضي رقم {n}<" in blocks[1]]
    assert sport_headlines == [0, 1, 2, 3]


def test_fresh_breaking_news_runs_in_the_ticker(reader):
    make_article("زلزال قوي يضرب الساحل", is_breaking=True, published_at=hours_ago(2))
    make_article("انتهاء أزمة الوقود", is_breaking=True, published_at=hours_ago(30))

    html = reader.get("/").content.decode()

    ticker = html.split('class="breaking"', 1)[1].split("</aside>", 1)[0]
    assert "عاجل" in ticker
    assert "زلزال قوي يضرب الساحل" in ticker
    assert "انتهاء أزمة الوقود" not in ticker


def test_no_ticker_without_fresh_breaking_news(reader):
    make_article("انتهاء أزمة الوقود", is_breaking=True, published_at=hours_ago(25))
    make_article("افتتاح معرض الكتاب")

    assert 'class="breaking"' not in reader.get("/").content.decode()


def test_an_empty_newspaper_says_so_in_arabic(reader, db):
    response = reader.get("/")

    assert response.status_code == 200
    assert "لم يُنشر أي مقال بعد." in response.content.decode()


def test_drafts_and_scheduled_stories_stay_off_the_front_page(reader):
    make_article("مسودة لم تكتمل", published=False)
    make_article("خبر مجدول للغد", published_at=timezone.now() + timedelta(days=1))
    make_article("خبر منشور")

    html = reader.get("/").content.decode()

    assert "خبر منشور" in html
    assert "مسودة لم تكتمل" not in html
    assert "خبر مجدول للغد" not in html


def test_the_front_page_query_count_grows_with_neither_the_news_nor_the_sections(
    reader, django_assert_max_num_queries, django_assert_num_queries
):
    sections = [make_section(f"قسم {n}", slug=f"s{n}") for n in range(3)]
    # Enough for every part of the page: lead, latest, ticker and all section blocks.
    for number in range(12):
        make_article(f"خبر {number}", section=sections[number % 3], is_breaking=number == 0)
    reader.get("/")
    purge({"latest"})
    # The first render since the news changed: the stories are read again. Per section, a
    # subquery walks its newest-first index, all in the cards' one query. One more reads
    # the editors' placements (sahafa/frontpage), none here.
    with django_assert_max_num_queries(15) as few:
        reader.get("/")
    few_count = len(few.captured_queries)

    for number in range(15):
        make_article(f"خبر إضافي {number}", section=sections[number % 3], is_breaking=True)
    more_sections = [make_section(f"قسم جديد {n}", slug=f"new{n}") for n in range(3)]
    for number, section in enumerate(more_sections):
        make_article(f"خبر في قسم جديد {number}", section=section)
    reader.get("/")
    purge({"latest"})
    with django_assert_num_queries(few_count):
        html = reader.get("/").content.decode()
    assert all(f"خبر في قسم جديد {number}" in html for number in range(3))


def test_the_front_page_reads_its_stories_once_until_the_news_changes(
    reader, django_assert_num_queries
):
    politics = make_section("سياسة", slug="politics")
    make_article("الحكومة تعلن خطة للإسكان", section=politics, published_at=hours_ago(2))
    reader.get("/")

    with django_assert_num_queries(0):
        reader.get("/")

    make_article("البرلمان يقر الموازنة العامة", section=politics, published_at=hours_ago(1))
    lead = reader.get("/").content.decode().split('class="lead-story"', 1)[1]
    assert "البرلمان يقر الموازنة العامة" in lead.split("</section>", 1)[0]


def test_a_change_made_straight_in_the_database_shows_within_five_minutes(reader):
    story = make_article("الحكومة تعلن خطة للإسكان")
    reader.get("/")

    # An operator's SQL fix: no verb ran, nothing was announced.
    Article.objects.filter(pk=story.pk).update(headline="الحكومة تعلن خطة وطنية للإسكان")
    assert "خطة وطنية" not in reader.get("/").content.decode()

    with time_machine.travel(timezone.now() + timedelta(minutes=5, seconds=1)):
        assert "خطة وطنية" in reader.get("/").content.decode()
