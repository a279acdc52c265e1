"""The README promises readers no trackers. A body pasted from another site (or written
by a careless importer) may carry a 1×1 "pixel" that tells a tracker who read the story:
the body keeps images from the site's own media and from the hosts the operator lists in
SAHAFA_IMAGE_HOSTS, and drops every other <img> whole."""

import pytest

from tests.factories import make_article
from tests.operators.test_a_bad_setting_stops_sahafa_at_start import run_python

pytestmark = pytest.mark.django_db


def test_a_tracking_pixel_is_dropped_and_the_text_kept():
    article = make_article(
        body=(
            "<p>قال الوزير إن المفاوضات مستمرة.</p>"
            '<p><img src="https://tracker.example/p.gif?reader=1" width="1" height="1" alt=""></p>'
            '<img src="//tracker.example/p.gif">'
            '<img src="http://tracker.example/p.gif">'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        )
    )

    assert "tracker.example" not in article.body
    assert "<img" not in article.body
    assert "قال الوزير إن المفاوضات مستمرة." in article.body


def test_images_from_the_sites_own_media_stay(settings):
    settings.SAHAFA_BASE_URL = "https://news.example.org"
    article = make_article(
        body=(
            '<figure><img src="/media/articles/riyadh.jpg" alt="الرياض">'
            "<figcaption>الرياض</figcaption></figure>"
            '<p><img src="https://news.example.org/media/articles/jeddah.jpg" alt="جدة"></p>'
        )
    )

    assert '<img src="/media/articles/riyadh.jpg" alt="الرياض">' in article.body
    assert 'src="https://news.example.org/media/articles/jeddah.jpg"' in article.body


def test_images_from_a_listed_host_stay_over_https_only(settings):
    settings.SAHAFA_IMAGE_HOSTS = ["images.agency.example"]
    article = make_article(
        body=(
            '<p><img src="https://images.agency.example/2026/summit.jpg" alt="القمة"></p>'
            '<p><img src="http://images.agency.example/2026/plain.jpg" alt="بلا تشفير"></p>'
            '<p><img src="https://images.agency.example.evil.example/x.gif" alt="شبيه"></p>'
        )
    )

    assert 'src="https://images.agency.example/2026/summit.jpg"' in article.body
    assert "plain.jpg" not in article.body
    assert "evil.example" not in article.body


def test_browsers_are_told_the_same_image_hosts(tmp_path):
    """The Content-Security-Policy's img-src names the listed hosts, so a browser refuses
    any other image even if one got past the sanitizer."""
    result = run_python(
        "from django.conf import settings;"
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))",
        {"SAHAFA_IMAGE_HOSTS": "images.agency.example, Photos.Example.NET"},
        tmp_path,
    )

    assert result.split() == [
        "'self'",
        "data:",
        "https://images.agency.example",
        "https://photos.example.net",
    ]
