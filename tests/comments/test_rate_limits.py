"""A flood from one address or one email is slowed down, through the shared cache."""

import pytest

from sahafa.comments.models import Comment
from tests.comments.posting import post_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_one_ip_address_is_limited(reader, settings):
    settings.SAHAFA_COMMENTS_RATE_PER_IP = (3, 600)
    article = make_article()

    answers = [
        post_comment(reader, article, email=f"r{n}@example.com", comment=f"تعليق رقم {n}")
        for n in range(4)
    ]

    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    refused = answers[-1].content.decode()
    assert "أرسلت تعليقات كثيرة" in refused
    assert "تعليق رقم 3</textarea>" in refused
    assert Comment.objects.count() == 3
    # Another address is not affected.
    assert (
        post_comment(reader, article, ip="198.51.100.9", comment="من عنوان آخر").status_code == 302
    )


def test_one_email_is_limited_across_addresses(reader, settings):
    settings.SAHAFA_COMMENTS_RATE_PER_EMAIL = (2, 600)
    article = make_article()

    answers = [
        post_comment(reader, article, ip=f"198.51.100.{n}", comment=f"نص {n}") for n in range(3)
    ]

    assert [answer.status_code for answer in answers] == [302, 302, 429]


def test_rate_limit_keys_do_not_carry_the_email_or_ip(settings):
    from django.core.cache import cache

    from sahafa.comments.limits import over_limit

    over_limit("email", "layla@example.com", (5, 600))

    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):  # local memory
        keys = list(cache._cache)
    else:  # Redis
        keys = [key.decode() for key in cache._cache.get_client().keys("*")]
    assert any("comments:rate:email:" in key for key in keys)
    assert not any("layla" in key for key in keys)
