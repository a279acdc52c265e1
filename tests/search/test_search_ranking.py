"""The best match comes first: headline beats body, and news decays."""

from datetime import timedelta

from django.utils import timezone

from sahafa.search.engine import search
from tests.factories import make_article


def ranking(query):
    return [article.headline for article in search(query).articles]


def test_a_headline_match_outranks_a_body_match_even_when_a_little_older(db):
    now = timezone.now()
    in_body = make_article(
        headline="أخبار الصباح",
        body="<p>تحدث الوزير عن الطاقة الشمسية في كلمته.</p>",
        published_at=now - timedelta(hours=1),
    )
    in_headline = make_article(
        headline="الطاقة الشمسية تغطي نصف الطلب",
        body="<p>قالت الهيئة إن المحطات الجديدة بدأت العمل.</p>",
        published_at=now - timedelta(days=3),
    )
    assert ranking("الطاقة الشمسية") == [in_headline.headline, in_body.headline]


def test_between_equally_relevant_stories_the_recent_one_comes_first(db):
    now = timezone.now()
    old = make_article(headline="أمطار غزيرة على جدة", published_at=now - timedelta(days=400))
    new = make_article(headline="أمطار غزيرة على جدة", published_at=now - timedelta(days=1))
    middle = make_article(headline="أمطار غزيرة على جدة", published_at=now - timedelta(days=30))
    assert [a.pk for a in search("امطار جده").articles] == [new.pk, middle.pk, old.pk]


def test_recency_does_not_bury_a_much_better_older_match(db):
    now = timezone.now()
    older = make_article(
        headline="اتفاق الرياض لإنهاء الأزمة اليمنية",
        published_at=now - timedelta(days=60),
    )
    make_article(
        headline="جولة في الأسواق",
        body="<p>تناولت الصحف اتفاق الرياض في صفحاتها الداخلية.</p>",
        published_at=now,
    )
    assert ranking("اتفاق الرياض")[0] == older.headline


def test_pages_follow_the_ranking_without_repeating_a_story(db):
    now = timezone.now()
    stories = [
        make_article(headline=f"مباراة رقم {n} في الدوري", published_at=now - timedelta(days=n))
        for n in range(1, 13)
    ]
    first = search("مباراه الدوري", page=1, per_page=5)
    second = search("مباراه الدوري", page=2, per_page=5)
    third = search("مباراه الدوري", page=3, per_page=5)
    assert first.total == second.total == 12 and third.num_pages == 3
    seen = [a.pk for page in (first, second, third) for a in page.articles]
    assert seen == [story.pk for story in stories]


def test_a_page_past_the_end_shows_the_last_page(db):
    for n in range(3):
        make_article(headline=f"معرض الكتاب {n}")
    results = search("معرض الكتاب", page=99, per_page=2)
    assert (results.page, len(results.articles), results.total) == (2, 1, 3)


def test_the_readers_own_word_outranks_one_that_only_shares_its_stem(db):
    now = timezone.now()
    stem_only = make_article(
        headline="طالب سعودي يفوز بجائزة", kicker="", body="", published_at=now - timedelta(hours=1)
    )
    exact = make_article(
        headline="طالبة من السعودية تفوز بجائزة",
        kicker="",
        body="",
        published_at=now - timedelta(days=2),
    )
    assert [a.pk for a in search("السعودية جائزة").articles] == [exact.pk, stem_only.pk]


def test_words_remembered_in_another_order_find_the_headline_that_holds_them_together(db):
    # A reader half remembers «…منشآت سياحية مخالفة…» and types the words shuffled. Both
    # headlines have every word, the other one in fewer words and newer; the one holding
    # them in one run is the story.
    now = timezone.now()
    scattered = make_article(
        headline="سياحية: منشآت جدة والطائف مخالفة",
        published_at=now - timedelta(hours=1),
    )
    together = make_article(
        headline="إغلاق منشآت سياحية مخالفة بتبوك وضباء والوجه",
        published_at=now - timedelta(days=2),
    )
    assert ranking("مخالفة منشآت سياحية") == [together.headline, scattered.headline]


def test_the_little_words_a_reader_remembers_tell_the_headline_apart(db):
    # A reader keeps «ما سيكون عليه السعوديون» of the story, and types it shuffled. The
    # index leaves «ما» and «عليه» out, so both headlines match on «سيكون» and «السعوديون»,
    # and the other is shorter, newer and holds those two in the typed order; only the story
    # has every word the reader typed.
    now = timezone.now()
    other = make_article(
        headline="السعوديون سيكون لهم دور كبير", published_at=now - timedelta(hours=1)
    )
    story = make_article(
        headline="الزوار يطلعون على ما سيكون عليه السعوديون بعد 35 عامًا",
        published_at=now - timedelta(days=2),
    )
    assert ranking("عليه ما السعوديون سيكون") == [story.headline, other.headline]
