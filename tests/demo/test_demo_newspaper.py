"""`sahafa demo` sets up a credible newspaper, and running it again changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from sahafa.articles.models import Article, Section
from sahafa.comments.models import Comment
from sahafa.demo.loader import ensure_demo_accounts, load_demo_comments, load_demo_content

pytestmark = pytest.mark.django_db


def test_demo_content_is_a_credible_newspaper_with_conversations():
    created, existing = load_demo_content()

    assert (created, existing) == (Article.objects.count(), 0)
    assert created >= 40
    assert Section.objects.count() >= 6
    public = Article.objects.published()
    assert public.count() >= 35
    assert Article.objects.breaking().exists()
    assert Article.objects.scheduled().count() >= 1
    assert Article.objects.drafts().exists()
    assert public.exclude(kicker="").count() > public.count() // 2
    assert public.filter(body__contains="“").exists()
    assert public.exclude(lead_image="").exists()
    oldest = public.order_by("published_at").first().published_at
    assert timezone.now() - oldest > timezone.timedelta(weeks=3)

    assert load_demo_comments() >= 10
    assert Comment.objects.approved().filter(depth=3).exists()
    assert Comment.objects.pending().exists()
    spam = Comment.objects.get(status=Comment.Status.SPAM)
    assert "ربح مجاني" in spam.reason  # caught through the tatweel in «مـــجـــانـــي»


def test_running_the_demo_command_twice_adds_nothing(capsys, settings):
    settings.SAHAFA_ADMIN_PASSWORD = "a-long-demo-password"  # from the environment variable
    call_command("demo", no_serve=True)
    first = capsys.readouterr().out
    articles, comments = Article.objects.count(), Comment.objects.count()

    call_command("demo", no_serve=True)
    second = capsys.readouterr().out

    assert "a-long-demo-password" in first
    assert "a-long-demo-password" not in second
    assert "0 articles added" in second
    assert "Demo comments: 0 added" in second
    assert (Article.objects.count(), Comment.objects.count()) == (articles, comments)


def test_a_generated_admin_password_is_printed_once(monkeypatch):
    monkeypatch.delenv("SAHAFA_ADMIN_PASSWORD", raising=False)
    first = ensure_demo_accounts()
    assert "admin /" in first[0]
    second = ensure_demo_accounts()
    assert "password unchanged" in second[0]
    assert all("/" not in line.split("(")[0] for line in second)
