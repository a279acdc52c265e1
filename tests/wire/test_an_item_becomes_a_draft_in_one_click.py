"""A writer or an editor turns a wire item into a draft with one click in the queue: the
draft goes through the workflow (a history line, no publication), keeps the agency's
sanitized text and stays linked to its item. The comment moderator cannot."""

import pytest

from sahafa.articles.models import Article, ArticleLogEntry
from sahafa.wire import tasks
from sahafa.wire.models import ArticleSource, WireItem
from tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(three_agencies):
    make_section("محليات")
    tasks.poll_due_feeds.enqueue()
    return WireItem.objects


def draft_button(item):
    return f'formaction="/admin/wire/wireitem/{item.pk}/draft/"'


def test_a_writer_makes_a_draft_from_the_queue_in_one_click(queue, writer, reader):
    rain = queue.get(guid="spa-2032")
    page = writer.get("/admin/wire/wireitem/").content.decode()
    assert draft_button(rain) in page

    answer = writer.post(f"/admin/wire/wireitem/{rain.pk}/draft/")

    article = Article.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == f"/admin/articles/article/{article.pk}/change/"
    assert article.status == Article.Status.DRAFT
    assert article.headline == rain.headline
    assert article.created_by == writer.user
    assert "مجاري السيول" in article.body and "<script" not in article.body
    assert [tag.name for tag in article.tags.all()] == ["واس"]
    assert ArticleSource.objects.get(article=article).item == rain
    entry = ArticleLogEntry.objects.get(article=article)
    assert (entry.action, entry.user, entry.note) == ("created", writer.user, "من الوكالات: واس")
    # Readers do not see it: it is a draft.
    assert reader.get(article.get_absolute_url()).status_code == 404
    # The writer's own draft, editable in the newsroom, linked to its item.
    form = writer.get(answer["Location"]).content.decode()
    assert "من الوكالات" in form
    assert rain.headline in form


def test_the_queue_links_a_used_item_to_its_draft_and_makes_no_second_one(queue, editor):
    visit = queue.get(guid="spa-2031")
    editor.post(f"/admin/wire/wireitem/{visit.pk}/draft/")
    article = Article.objects.get()

    again = editor.post(f"/admin/wire/wireitem/{visit.pk}/draft/")
    page = editor.get("/admin/wire/wireitem/").content.decode()

    assert again["Location"] == f"/admin/articles/article/{article.pk}/change/"
    assert Article.objects.count() == 1
    assert f'href="/admin/articles/article/{article.pk}/change/"' in page
    assert draft_button(visit) not in page


def test_the_moderator_may_not_see_the_queue_or_make_drafts(queue, moderator):
    item = queue.first()

    assert moderator.get("/admin/wire/wireitem/").status_code == 403
    assert moderator.post(f"/admin/wire/wireitem/{item.pk}/draft/").status_code == 403
    assert not Article.objects.exists()


def test_a_draft_needs_a_section_and_says_so(three_agencies, editor):
    tasks.poll_due_feeds.enqueue()
    item = WireItem.objects.first()

    answer = editor.post(f"/admin/wire/wireitem/{item.pk}/draft/", follow=True)

    assert "أضف قسماً إلى الصحيفة أولاً" in answer.content.decode()
    assert not Article.objects.exists()


def test_a_draft_starts_in_the_agency_s_section(three_agencies, editor):
    economy = make_section("اقتصاد")
    make_section("محليات", order=1)
    reuters = three_agencies[2]
    reuters.section = economy
    reuters.save()
    tasks.poll_due_feeds.enqueue()
    gold = WireItem.objects.get(guid="urn:reuters:ar:gold-2026-11-29")

    editor.post(f"/admin/wire/wireitem/{gold.pk}/draft/")

    assert Article.objects.get().section == economy


def test_drafting_answers_only_a_post(queue, editor):
    item = queue.first()
    assert editor.get(f"/admin/wire/wireitem/{item.pk}/draft/").status_code == 405
    assert not Article.objects.exists()


def test_the_item_s_own_page_shows_its_text_and_the_same_button(queue, writer):
    ecb = queue.get(guid="urn:reuters:ar:ecb-rates-2026-11-29")

    page = writer.get(f"/admin/wire/wireitem/{ecb.pk}/change/").content.decode()

    assert "وقالت رئيسة البنك إن التضخم يسير نحو المستهدف" in page
    assert draft_button(ecb) in page
    writer.post(f"/admin/wire/wireitem/{ecb.pk}/draft/")
    assert Article.objects.get().headline == ecb.headline
