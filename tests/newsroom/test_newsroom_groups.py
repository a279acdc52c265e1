"""The roles exist from the first migration, with exactly the permissions of their job."""

import pytest
from django.contrib.auth.models import Group

from sahafa.newsroom import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def permissions_of(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_three_newsroom_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.WRITER, roles.EDITOR, roles.COMMENT_MODERATOR} <= names


def test_a_writer_writes_but_cannot_publish_delete_or_edit_others():
    writer = permissions_of(roles.WRITER)
    assert {"articles.add_article", "articles.change_article", "articles.view_article"} <= writer
    assert "articles.publish_article" not in writer
    assert "articles.edit_any_article" not in writer
    assert "articles.delete_article" not in writer


def test_an_editor_edits_and_publishes_everything():
    editor = permissions_of(roles.EDITOR)
    assert {
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.change_section",
        "articles.change_author",
        "articles.change_tag",
    } <= editor


def test_a_comment_moderator_only_reads_articles():
    moderator = {p for p in permissions_of(roles.COMMENT_MODERATOR) if p.startswith("articles.")}
    assert moderator == {"articles.view_article"}


def test_a_superuser_can_do_everything_without_a_group():
    chief = make_user("chief", is_superuser=True)
    assert chief.has_perm("articles.publish_article")
    assert chief.has_perm("articles.edit_any_article")
