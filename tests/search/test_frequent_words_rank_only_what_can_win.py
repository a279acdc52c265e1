"""A frequent word is ranked by scoring only the matches that can reach the page, and the
reader sees exactly what scoring every match would show: the same stories, in the same
order, with the same count (docs/search.md, Ranking)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from sahafa.articles.models import Article
from sahafa.search import backends
from sahafa.search.backends import current_backend
from sahafa.search.engine import search
from sahafa.search.indexing import rebuild
from sahafa.search.query import parse_query
from tests.factories import make_article
from tests.settings import PRODUCTION_BACKENDS

postgresql_only = pytest.mark.skipif(
    not PRODUCTION_BACKENDS, reason="the rank bounds are kept by PostgreSQL's triggers"
)


def every_match(query, now, *, match_all=True, limit=30, offset=0):
    visible = Article.objects.published(now).order_by()
    return current_backend()._every_match(query, match_all, visible, now, limit, offset)


def bounded(query, now, *, match_all=True, limit=30, offset=0):
    return current_backend()._bounded(query, match_all, now, limit, offset)


@pytest.fixture
def a_busy_day_in_riyadh(db, monkeypatch):
    """Twenty stories about Riyadh: headlines, passing mentions (one of them fresh and full
    of the word), a story scheduled for tomorrow and a withdrawn one."""
    monkeypatch.setattr(backends, "BOUNDED_FROM", 10)
    now = timezone.now()
    for n in range(8):
        make_article(
            headline=f"الرياض تستضيف المعرض رقم {n}",
            body="<p>افتتح المعرض في قاعة كبيرة.</p>" * (n + 1),
            published_at=now - timedelta(days=3 * n + 1),
        )
    make_article(
        headline="جولة في الأسواق",
        body="<p>الرياض الرياض الرياض مدينة الرياض.</p>",
        published_at=now - timedelta(minutes=5),
    )
    for n in range(9):
        make_article(
            headline=f"أخبار المدن {n}",
            body=f"<p>زار الوفد الرياض ثم جدة في اليوم {n}.</p>",
            published_at=now - timedelta(days=n + 2),
        )
    make_article(headline="الرياض غداً", published_at=now + timedelta(days=1))
    withdrawn = make_article(headline="الرياض في خبر سحب", published_at=now - timedelta(days=1))
    withdrawn.status = Article.Status.ARCHIVED
    withdrawn.save()
    return now


def test_a_frequent_word_shows_what_scoring_every_match_would(a_busy_day_in_riyadh):
    now = a_busy_day_in_riyadh
    query = parse_query("الرياض")
    for limit, offset in ((5, 0), (3, 2), (8, 0)):
        answer = bounded(query, now, limit=limit, offset=offset)
        assert answer is not None, "the headline matches are sure winners here"
        assert answer == every_match(query, now, limit=limit, offset=offset)
    # 18 visible stories hold the word: tomorrow's, indexed already, and the withdrawn one
    # do not count.
    assert answer[1] == 18
    assert search("الرياض").total == 18


def test_when_the_headlines_cannot_fill_the_page_every_match_is_scored(a_busy_day_in_riyadh):
    now = a_busy_day_in_riyadh
    query = parse_query("الرياض")
    # Ten results: only eight headlines hold the word, so passing mentions must be ranked.
    assert bounded(query, now, limit=10) is None
    ranked = [article.pk for article in search("الرياض").articles]
    assert ranked == [pk for pk, _score in every_match(query, now, limit=10)[0]]


def test_a_rare_reading_of_a_clitic_is_scored_rather_than_guessed(a_busy_day_in_riyadh):
    # «والرياض» is «الرياض» or a word «والرياض»; neither reading may change the answer.
    now = a_busy_day_in_riyadh
    for text in ("والرياض", "بالرياض", "الرياض المعرض", "الرياض -جدة"):
        query = parse_query(text)
        for match_all in (True, False):
            assert bounded(query, now, match_all=match_all, limit=3) in (
                None,
                every_match(query, now, match_all=match_all, limit=3),
            )


def test_hidden_is_every_article_readers_cannot_see(db):
    now = timezone.now()
    public = make_article(published_at=now - timedelta(hours=1))
    tomorrow = make_article(published_at=now + timedelta(days=1))
    draft = make_article(published=False)
    archived = make_article(published_at=now - timedelta(days=2))
    archived.status = Article.Status.ARCHIVED
    archived.save()
    hidden = {row["pk"] for row in Article.objects.hidden(now)}
    assert hidden == {tomorrow.pk, draft.pk, archived.pk}
    visible = set(Article.objects.published(now).values_list("pk", flat=True))
    assert visible == {public.pk}


def best_passing_mention(word):
    """What ts_rank_cd() gives the best entry holding ``word`` outside its headline."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT MAX(ts_rank_cd(%s, ranking, to_tsquery('simple', %s), 1)) "
            "FROM search_searchentry WHERE ranking @@ to_tsquery('simple', %s) "
            "AND NOT to_tsvector('simple', headline) @@ to_tsquery('simple', %s)",
            [backends.POSTGRESQL_WEIGHTS, word, word, word],
        )
        return cursor.fetchone()[0]


def kept_bound(word):
    with connection.cursor() as cursor:
        cursor.execute("SELECT rank FROM search_rankbound WHERE lexeme = %s", [word])
        row = cursor.fetchone()
        return row and row[0]


@postgresql_only
def test_the_kept_bound_follows_the_newsroom_and_never_falls_short(a_busy_day_in_riyadh):
    # رياض: the analyzed term of «الرياض».
    assert kept_bound("رياض") == pytest.approx(best_passing_mention("رياض"), rel=1e-6)
    # An editor rewrites a passing mention into a story full of the word: the bound rises.
    story = Article.objects.get(headline="أخبار المدن 0")
    story.standfirst = "الرياض الرياض"
    story.save()
    assert best_passing_mention("رياض") > 0
    assert kept_bound("رياض") == pytest.approx(best_passing_mention("رياض"), rel=1e-6)
    # Withdrawn again, it may leave the bound above the truth, never below it.
    story.standfirst = ""
    story.save()
    assert kept_bound("رياض") >= best_passing_mention("رياض")
    # A rebuild starts the bounds afresh from what is indexed.
    rebuild()
    assert kept_bound("رياض") == pytest.approx(best_passing_mention("رياض"), rel=1e-6)
    answer = bounded(parse_query("الرياض"), a_busy_day_in_riyadh, limit=5)
    assert answer == every_match(parse_query("الرياض"), a_busy_day_in_riyadh, limit=5)


@postgresql_only
def test_a_frequent_word_leaves_the_planner_as_it_found_it(a_busy_day_in_riyadh):
    with connection.cursor() as cursor:
        assert len(search("الرياض").articles) == 10
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
