"""`sahafa demo` sets up a credible newspaper, and running it again changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from sahafa.articles.models import Article, Section
from sahafa.demo.loader import ensure_demo_accounts, load_demo_content

pytestmark = pytest.mark.django_db


def test_demo_content_is_a_credible_newspaper():
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


def test_loading_the_demo_twice_adds_nothing():
    load_demo_content()
    count = Article.objects.count()

    created, existing = load_demo_content()

    assert created == 0
    assert existing == count == Article.objects.count()


def test_demo_accounts_print_a_generated_password_only_once(monkeypatch):
    monkeypatch.delenv("SAHAFA_ADMIN_PASSWORD", raising=False)
    first = ensure_demo_accounts()
    assert "admin /" in first[0]
    second = ensure_demo_accounts()
    assert "password unchanged" in second[0]
    assert all("/" not in line.split("(")[0] for line in second)


def test_demo_command_sets_up_without_serving(capsys, monkeypatch):
    monkeypatch.setenv("SAHAFA_ADMIN_PASSWORD", "a-long-demo-password")
    call_command("demo", no_serve=True)
    out = capsys.readouterr().out
    assert "a-long-demo-password" in out
    assert Article.objects.published().exists()
