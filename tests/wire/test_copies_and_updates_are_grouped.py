"""The same story from two agencies is one story in the queue, and an agency's re-send
with a new paragraph is recognised as an update: grouped with the story and, when an
article was made from the earlier version, flagged on it («تحديث من الوكالة»)."""

import pytest

from sahafa.articles.models import Article
from sahafa.wire import polling, tasks
from sahafa.wire.models import ArticleSource, Feed, WireItem
from tests.factories import make_section
from tests.newsroom.admin_form import form_fields
from tests.wire.conftest import FEEDS

pytestmark = pytest.mark.django_db

NEW_PARAGRAPH = "<p>ووقع الجانبان في ختام الزيارة اتفاقية لإنشاء مجلس تنسيق مشترك بين البلدين.</p>"
SPA = (FEEDS / "spa.xml").read_text(encoding="utf-8")


def resent(document, after="وحضر الاستقبال عدد من أصحاب السمو والمعالي الوزراء.</p>"):
    """The SPA feed with the Japan story's text grown by a paragraph."""
    return document.replace(after, after + NEW_PARAGRAPH, 1).encode()


@pytest.fixture
def queue(three_agencies):
    make_section("محليات")
    tasks.poll_due_feeds.enqueue()
    return WireItem.objects


def poll(name):
    return polling.poll(Feed.objects.get(name=name))


def test_the_same_story_from_two_agencies_is_one_story(queue, editor):
    spa = queue.get(guid="spa-2031")
    afp = queue.get(guid="urn:afp:newsml:ar:20261129:sa-japan")

    assert spa.story_id == afp.story_id
    # Unrelated items each tell a story of their own.
    assert queue.exclude(story=spa.story).values("story").distinct().count() == 4
    page = editor.get("/admin/wire/wireitem/").content.decode()
    assert "نسخة أخرى: أ ف ب" in page
    assert "نسخة أخرى: واس" in page
    story = editor.get(f"/admin/wire/wireitem/?story__id__exact={spa.story_id}").content.decode()
    assert spa.headline in story and afp.headline in story
    assert "أسعار النفط" not in story


def test_a_re_send_under_the_same_identifier_flags_the_article(queue, agency, editor):
    visit = queue.get(guid="spa-2031")
    editor.post(f"/admin/wire/wireitem/{visit.pk}/draft/")
    article = Article.objects.get()

    agency.publish("/spa/rss.xml", resent(SPA))
    outcome = poll("واس")

    visit.refresh_from_db()
    assert (outcome.new, outcome.revised) == (0, 1)
    assert NEW_PARAGRAPH in visit.body
    assert visit.revised_at is not None
    assert ArticleSource.objects.get(article=article).update == visit
    form = editor.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "تحديث من الوكالة" in form
    # The article itself is left as the newsroom wrote it.
    assert NEW_PARAGRAPH not in Article.objects.get().body


def test_an_update_under_a_new_identifier_joins_the_story_and_flags_the_article(
    queue, agency, editor
):
    visit = queue.get(guid="spa-2031")
    editor.post(f"/admin/wire/wireitem/{visit.pk}/draft/")
    article = Article.objects.get()
    update = resent(
        SPA.replace("spa-2031", "spa-2040").replace("spa.example/2031", "spa.example/2040")
    )

    agency.publish("/spa/rss.xml", update)
    outcome = poll("واس")

    newer = queue.get(guid="spa-2040")
    assert outcome.new == 1
    assert (newer.story_id, newer.update_of) == (visit.story_id, visit)
    assert ArticleSource.objects.get(article=article).update == newer
    page = editor.get(f"/admin/wire/wireitem/?story__id__exact={visit.story_id}").content.decode()
    assert page.count('class="wire-update"') == 1


def test_a_copy_from_another_agency_after_the_draft_is_grouped_but_not_an_update(
    queue, agency, editor
):
    visit = queue.get(guid="spa-2031")
    editor.post(f"/admin/wire/wireitem/{visit.pk}/draft/")
    afp = (FEEDS / "afp.xml").read_text(encoding="utf-8")
    agency.publish("/afp/atom.xml", afp.replace(":sa-japan", ":sa-japan-2").encode())

    poll("أ ف ب")

    copy = queue.get(guid="urn:afp:newsml:ar:20261129:sa-japan-2")
    assert copy.story_id == visit.story_id
    assert ArticleSource.objects.get().update is None


def test_the_editor_clears_the_flag_once_the_article_has_the_update(queue, agency, editor):
    visit = queue.get(guid="spa-2031")
    editor.post(f"/admin/wire/wireitem/{visit.pk}/draft/")
    article = Article.objects.get()
    agency.publish("/spa/rss.xml", resent(SPA))
    poll("واس")

    form = editor.get(f"/admin/articles/article/{article.pk}/change/")
    data = form_fields(form)
    assert 'name="wire_source-0-update_read"' in form.content.decode()
    data["wire_source-0-update_read"] = "on"

    answer = editor.post(f"/admin/articles/article/{article.pk}/change/", data)

    assert answer.status_code == 302, answer.context["adminform"].form.errors
    assert ArticleSource.objects.get(article=article).update is None
