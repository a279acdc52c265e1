"""A frequent word is ranked by scoring only the matches that can reach the page, and the
reader sees exactly what scoring every match would show: the same stories, in the same
order, with the same count (docs/search.md, Ranking)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sahafa.articles.models import Article
from sahafa.search import backends
from sahafa.search.engine import search
from sahafa.search.query import parse_query
from tests.factories import make_article
from tests.settings import PRODUCTION_BACKENDS

sqlite_only = pytest.mark.skipif(
    PRODUCTION_BACKENDS, reason="the bounded ranking is the FTS5 backend's"
)


def every_match(query, now, *, match_all=True, limit=30, offset=0):
    backend = backends.SQLiteBackend()
    return backend._every_match(
        backend.match_expression(query, match_all=match_all),
        f"headline : ({backend.positive_expression(query, match_all=match_all)})",
        Article.objects.published(now).order_by(),
        now,
        limit,
        offset,
    )


def bounded(query, now, *, match_all=True, limit=30, offset=0):
    backend = backends.SQLiteBackend()
    return backend._bounded(
        query,
        backend.match_expression(query, match_all=match_all),
        f"headline : ({backend.positive_expression(query, match_all=match_all)})",
        match_all,
        now,
        limit,
        offset,
    )


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


@sqlite_only
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


@sqlite_only
def test_when_the_headlines_cannot_fill_the_page_every_match_is_scored(a_busy_day_in_riyadh):
    now = a_busy_day_in_riyadh
    query = parse_query("الرياض")
    # Ten results: only eight headlines hold the word, so passing mentions must be ranked.
    assert bounded(query, now, limit=10) is None
    ranked = [article.pk for article in search("الرياض").articles]
    assert ranked == [pk for pk, _score in every_match(query, now, limit=10)[0]]


@sqlite_only
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
