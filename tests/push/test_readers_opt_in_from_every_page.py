"""Every reader page offers «تنبيهات الأخبار العاجلة» in its footer: a button that a
static script shows where the browser can take push alerts, asking the browser's
permission only once it is clicked. The page itself stays the same cached bytes for
everyone: no inline script, no per-reader token. The service worker comes from the site's
own static files, served at the root so that its scope is the whole site."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")


def test_the_front_page_and_an_article_offer_alerts_with_static_script_only(reader, settings):
    article = make_article()
    for url in ("/", article.get_absolute_url()):
        page = reader.get(url).content.decode()
        assert "تنبيهات الأخبار العاجلة" in page
        assert f'data-push-key="{settings.SAHAFA_VAPID_PUBLIC_KEY}"' in page
        assert 'src="/static/push/optin.js"' in page
        assert INLINE_SCRIPT.search(page) is None


def test_permission_is_asked_only_after_the_click():
    script = Path(finders.find("push/optin.js")).read_text(encoding="utf-8")
    handler = script.index('turnOn.addEventListener("click"')
    assert script.index("Notification.requestPermission") > handler
    assert script.count("requestPermission") == 1


def test_the_service_worker_is_served_at_the_root_from_static_files(reader):
    answer = reader.get(reverse("push:service_worker"))

    assert reverse("push:service_worker") == "/service-worker.js"
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/javascript")
    assert answer["Cache-Control"] == "no-cache"
    assert answer.content == Path(finders.find("push/service-worker.js")).read_bytes()
    assert b'addEventListener("push"' in answer.content


def test_without_a_vapid_key_no_button_is_offered(reader, settings):
    settings.SAHAFA_VAPID_PRIVATE_KEY = settings.SAHAFA_VAPID_PUBLIC_KEY = ""

    page = reader.get("/").content.decode()

    assert "تنبيهات الأخبار العاجلة" not in page
