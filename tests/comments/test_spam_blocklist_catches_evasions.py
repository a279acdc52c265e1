"""A blocked word is caught however a spammer dresses it up."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahafa.comments.models import BlockedPhrase, Comment
from sahafa.comments.spam import find_blocked_phrase
from tests.comments.posting import post_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BLOCKED = ["مجاني", "ربح سريع", "أربح الآن", "0551234567", "casino"]

EVASIONS = {
    "tatweel": "اشترك الآن مـــجـــانـــي",
    "diacritics": "عرض مَجَّانِيّ لفترة محدودة",
    "letter repetition": "كل شيء مجاااااني",
    "zero-width characters": "عرض م\u200bج\u200cا\u200dن\u2060ي",
    "spelled out": "عرض م ج ا ن ي اليوم",
    "with prefixes and suffix": "والمجانية للجميع",
    "hamza and madda variants": "إربح الان مع الشركة",
    "attached prepositions": "فرصة للربح سريع",
    "phone in Arabic-Indic digits": "اتصل على ٠٥٥ ١٢٣ ٤٥٦٧",
    "phone in Persian digits": "واتساب ۰۵۵۱۲۳۴۵۶۷",
    "latin in capitals": "Best CASINO online",
    "presentation forms": "عرض ﻣﺠﺎﻧﻲ",
}


@pytest.mark.parametrize("text", EVASIONS.values(), ids=EVASIONS.keys())
def test_evasions_are_caught(text):
    assert find_blocked_phrase(text, BLOCKED) is not None


@pytest.mark.parametrize(
    "text",
    ["المقال ممتاز ويستحق القراءة", "نجحت الخطة بعد سنوات", "رقم المادة 12 من الدستور"],
)
def test_ordinary_comments_are_not_caught(text):
    assert find_blocked_phrase(text, BLOCKED) is None


@given(
    stretch=st.lists(st.integers(min_value=1, max_value=4), min_size=5, max_size=5),
    marks=st.lists(
        st.sampled_from(["", "\u064e", "\u0651", "\u0640", "\u200b"]), min_size=5, max_size=5
    ),
)
def test_any_mix_of_stretching_marks_and_invisible_characters_is_caught(stretch, marks):
    dressed = "".join(
        letter * times + mark for letter, times, mark in zip("مجاني", stretch, marks, strict=True)
    )
    assert find_blocked_phrase(f"عرض {dressed} الآن", ["مجاني"]) == "مجاني"


def test_a_blocked_comment_is_stored_as_spam_with_its_reason(reader):
    BlockedPhrase.objects.create(phrase="مجاني")
    article = make_article()

    response = post_comment(reader, article, comment="اشترك الآن مـــجـــانـــي!!")

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "مجاني" in comment.reason
    assert comment.log_entries.get().reason == comment.reason
    assert "مـــجـــانـــي" not in reader.get(article.get_absolute_url()).content.decode()


def test_the_blocklist_setting_is_used_too(reader, settings):
    settings.SAHAFA_COMMENTS_BLOCKLIST = ["ربح سريع"]
    article = make_article()

    post_comment(reader, article, comment="طريقة ربح سريع من البيت")

    assert Comment.objects.get().status == Comment.Status.SPAM


def test_the_name_and_website_are_checked_as_well(reader):
    BlockedPhrase.objects.create(phrase="casino")
    article = make_article()

    post_comment(reader, article, author="Casino King")

    assert Comment.objects.get().status == Comment.Status.SPAM


def test_the_blocklist_variable_takes_latin_or_arabic_commas():
    from sahafa.env import Environment

    env = Environment({"SAHAFA_COMMENTS_BLOCKLIST": "مجاني، ربح سريع,casino "})

    # As settings.py reads it.
    assert env.list("SAHAFA_COMMENTS_BLOCKLIST", [], separators=",،") == [
        "مجاني",
        "ربح سريع",
        "casino",
    ]
