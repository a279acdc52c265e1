"""Two editors open the same story. The second is warned who is editing it and may take
over; the first then cannot overwrite the second's work, and keeps what she typed. A save
made on a version someone else has replaced since is refused the same way."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sahafa.editlocks.models import EditLock
from sahafa.newsroom import roles
from tests.factories import make_article, make_user
from tests.newsroom.admin_form import form_fields

pytestmark = pytest.mark.django_db

TAKE_OVER = "تولي التحرير"


def signed_in(username, full_name):
    first, last = full_name.split()
    client = Client()
    client.user = make_user(username, roles.EDITOR, first_name=first, last_name=last)
    client.force_login(client.user)
    return client


@pytest.fixture
def huda():
    return signed_in("huda", "هدى الشمري")


@pytest.fixture
def karim():
    return signed_in("karim", "كريم الحسن")


@pytest.fixture
def story():
    return make_article("الحكومة تقر الموازنة العامة")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_form(client, article):
    response = client.get(change_url(article))
    assert response.status_code == 200
    return response


def save(client, article, form, button="_continue", **changes):
    data = {**form_fields(form), **changes, button: "1"}
    return client.post(change_url(article), data)


def take_over(client, article):
    return client.post(reverse("admin:articles_article_take_over", args=[article.pk]))


def heartbeat(client, article):
    return client.post(reverse("admin:articles_article_lock", args=[article.pk]))


def test_the_second_editor_is_warned_who_is_editing(huda, karim, story):
    first = open_form(huda, story).content.decode()
    assert TAKE_OVER not in first

    second = open_form(karim, story).content.decode()

    assert "هدى الشمري" in second
    assert "يحرّر «هدى الشمري» هذا المقال منذ" in second
    assert TAKE_OVER in second
    assert EditLock.objects.get(article=story).holder == huda.user


def test_a_takeover_refuses_the_first_editors_save_and_keeps_her_text(huda, karim, story):
    hudas_form = open_form(huda, story)
    open_form(karim, story)

    assert take_over(karim, story).status_code == 302
    assert EditLock.objects.get(article=story).holder == karim.user
    karims_form = open_form(karim, story)
    assert TAKE_OVER not in karims_form.content.decode()
    assert save(karim, story, karims_form, headline="الحكومة تقر موازنة 2027").status_code == 302

    refused = save(huda, story, hudas_form, headline="البرلمان يقر الموازنة بعد نقاش طويل")

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "كريم الحسن" in page and "لم يُحفظ ما كتبته" in page
    assert 'value="البرلمان يقر الموازنة بعد نقاش طويل"' in page
    story.refresh_from_db()
    assert story.headline == "الحكومة تقر موازنة 2027"


def test_the_first_editor_learns_of_the_takeover_while_her_form_is_open(huda, karim, story):
    open_form(huda, story)
    assert heartbeat(huda, story).json() == {"held": True}

    take_over(karim, story)

    lost = heartbeat(huda, story)
    assert lost.status_code == 409
    assert lost.json()["held"] is False
    assert "كريم الحسن" in lost.json()["message"]
    assert EditLock.objects.get(article=story).holder == karim.user


def test_a_save_on_a_replaced_version_is_refused_then_allowed_once_seen(huda, karim, story):
    hudas_form = open_form(huda, story)
    # Huda's browser went quiet; after her lock lapsed Karim edited, saved and left.
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        karims_form = open_form(karim, story)
        assert TAKE_OVER not in karims_form.content.decode()
        save(karim, story, karims_form, "_save", headline="الحكومة تقر موازنة 2027")

        refused = save(huda, story, hudas_form, headline="الموازنة: نسخة هدى")
        page = refused.content.decode()
        assert refused.status_code == 200
        assert "بعد أن فتحته" in page
        assert 'value="الموازنة: نسخة هدى"' in page
        story.refresh_from_db()
        assert story.headline == "الحكومة تقر موازنة 2027"

        # She has read the warning: saving the form she got back replaces Karim's version.
        assert save(huda, story, refused, headline="الموازنة: نسخة هدى").status_code == 302
    story.refresh_from_db()
    assert story.headline == "الموازنة: نسخة هدى"


def test_an_open_form_keeps_its_lock_and_a_closed_one_lapses(huda, karim, story):
    start = timezone.now()
    open_form(huda, story)
    with time_machine.travel(start + timedelta(minutes=4)):
        heartbeat(huda, story)
    with time_machine.travel(start + timedelta(minutes=8)):
        assert TAKE_OVER in open_form(karim, story).content.decode()
    with time_machine.travel(start + timedelta(minutes=10)):
        assert TAKE_OVER not in open_form(karim, story).content.decode()
        assert EditLock.objects.get(article=story).holder == karim.user


def test_the_same_editor_in_two_tabs_is_not_warned(huda, story):
    open_form(huda, story)

    assert TAKE_OVER not in open_form(huda, story).content.decode()


def test_saving_frees_the_article_for_the_next_editor(huda, karim, story):
    form = open_form(huda, story)
    data = {**form_fields(form), "_save": "1"}
    assert huda.post(change_url(story), data).status_code == 302

    assert TAKE_OVER not in open_form(karim, story).content.decode()


def test_a_writer_reading_a_published_story_takes_no_lock(writer):
    story = make_article("مقال الكاتب المنشور", by=writer.user)

    assert writer.get(change_url(story)).status_code == 200
    assert not EditLock.objects.exists()
    assert take_over(writer, story).status_code == 403
    assert heartbeat(writer, story).status_code == 403
