"""When the newsroom changes something, readers see it on their next request — on exactly
the pages that show it; every other stored page keeps being served from the store."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.comments import workflow as moderation
from sahafa.comments.models import Comment
from sahafa.pagecache import policy
from sahafa.related import engine
from tests.factories import make_article, make_author, make_comment, make_section, make_tag
from tests.pagecache.wsgi_client import fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def newspaper():
    """Two sections with a story each, every page already stored."""
    politics, sports = make_section("سياسة"), make_section("رياضة")
    tag, author = make_tag("الانتخابات"), make_author("منى السالم")
    vote = make_article(
        "البرلمان يقر قانون الانتخابات", section=politics, tags=[tag], authors=[author]
    )
    match = make_article("الهلال يفوز على النصر", section=sports)
    pages = {
        "home": "/",
        "politics": politics.get_absolute_url(),
        "sports": sports.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "author": author.get_absolute_url(),
        "vote": vote.get_absolute_url(),
        "match": match.get_absolute_url(),
    }
    for path in pages.values():
        fetch(path)
    return {"politics": politics, "sports": sports, "vote": vote, "match": match, "pages": pages}


def outcomes(newspaper):
    """Each page's next answer: HIT (still stored) or MISS (rendered again)."""
    return {name: fetch(path).cache for name, path in newspaper["pages"].items()}


def rendered_again(newspaper):
    return {name for name, outcome in outcomes(newspaper).items() if outcome != "HIT"}


def test_a_new_story_refreshes_the_pages_it_appears_on_only(newspaper):
    make_article("الحكومة تعلن موعد الانتخابات", section=newspaper["politics"])

    # The two stories have nothing related, so each page offers the newest story of its
    # section, else of the site, as «شاهد أيضاً»: now the new one.
    assert rendered_again(newspaper) == {"home", "politics", "vote", "match"}
    assert "الحكومة تعلن" in fetch(newspaper["pages"]["match"]).body.decode()


def test_an_edited_headline_refreshes_every_page_that_shows_it(newspaper):
    vote = newspaper["vote"]
    vote.headline = "البرلمان يقر قانون الانتخابات الجديد"
    vote.save()

    # «match» shows it as its «شاهد أيضاً».
    assert rendered_again(newspaper) == {"home", "politics", "tag", "author", "vote", "match"}
    assert "الانتخابات الجديد" in fetch("/").body.decode()


def test_an_unpublished_story_is_gone_at_once(newspaper):
    workflow.unpublish(newspaper["vote"], by=None)

    assert fetch(newspaper["pages"]["vote"]).status == 404
    assert "البرلمان يقر" not in fetch("/").body.decode()
    assert "البرلمان يقر" not in fetch(newspaper["pages"]["match"]).body.decode()
    assert fetch(newspaper["pages"]["sports"]).cache == "HIT"


def test_moderating_a_comment_refreshes_its_article_and_the_cards_counting_it(newspaper):
    comment = make_comment(newspaper["match"], status=Comment.Status.PENDING)
    for path in newspaper["pages"].values():
        fetch(path)

    moderation.approve(comment, by=None)

    # Its page, and every page with its card or link (home, its section, «vote»'s box).
    assert rendered_again(newspaper) == {"match", "home", "sports", "vote"}
    assert comment.body in fetch(newspaper["pages"]["match"]).body.decode()


def test_a_changed_see_also_list_refreshes_its_article(newspaper):
    engine.write_lists({newspaper["match"].pk: [(newspaper["vote"].pk, 0.5)]})

    assert rendered_again(newspaper) == {"match"}


def test_renaming_a_section_refreshes_every_page_with_the_menu(newspaper):
    sports = newspaper["sports"]
    sports.name = "الرياضة"
    sports.save()

    assert rendered_again(newspaper) == set(newspaper["pages"])


def test_a_scheduled_story_bounds_how_long_pages_stay_fresh(settings):
    settings.SAHAFA_PAGE_CACHE_SECONDS = 600
    make_article("بيان منتظر", published_at=timezone.now() + timedelta(seconds=40))

    assert 1 <= policy.lifetime() <= 40


def test_a_breaking_story_leaving_the_ticker_bounds_how_long_pages_stay_fresh(settings):
    settings.SAHAFA_PAGE_CACHE_SECONDS = 600
    make_article(
        "عاجل: زلزال",
        is_breaking=True,
        published_at=timezone.now() - timedelta(hours=23, minutes=58),
    )

    assert 1 <= policy.lifetime() <= 120
