"""Quoted words are found side by side; a minus sign leaves a word out."""

import pytest

from sahafa.search.engine import search
from tests.factories import make_article


def headlines(query):
    return {article.headline for article in search(query).articles}


def story(headline):
    return make_article(headline=headline, kicker="", body="<p>التفاصيل لاحقاً.</p>")


@pytest.fixture
def stories(db):
    return {
        "together": story("رفع العقوبات عن كوريا الشمالية"),
        "apart": story("كوريا الجنوبية ترفض رفع الرسوم والعقوبات"),
        "iran": story("رفع العقوبات عن إيران يقترب"),
    }


def test_a_quoted_phrase_finds_only_the_words_side_by_side(stories):
    assert headlines('"رفع العقوبات عن كوريا"') == {stories["together"].headline}


def test_a_phrase_matches_through_normalization_and_stemming(stories):
    assert headlines("«رفع العقوبات عن كوريا»") == {stories["together"].headline}
    assert headlines("“رفع عقوبات”") == {stories["together"].headline, stories["iran"].headline}


def test_without_quotes_the_words_may_be_apart(stories):
    assert headlines("رفع عقوبات كوريا") == {
        stories["together"].headline,
        stories["apart"].headline,
    }


def test_words_in_the_readers_order_rank_first(stories):
    results = search("رفع عقوبات كوريا")
    assert results.articles[0] == stories["together"]


def test_minus_leaves_a_word_out(stories):
    assert headlines("العقوبات -كوريا") == {stories["iran"].headline}


def test_minus_before_a_quoted_phrase_leaves_the_phrase_out(stories):
    assert headlines('العقوبات -"كوريا الشمالية"') == {
        stories["apart"].headline,
        stories["iran"].headline,
    }


def test_a_query_of_only_exclusions_finds_nothing_rather_than_everything(stories):
    results = search("-كوريا")
    assert results.total == 0
    assert not results.query
