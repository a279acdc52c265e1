"""A scanner, a broken crawler or a hostile tester sends whatever it likes: to the search
page, to the comment form's endpoint, to every address the site has. The answer may be a
page, a redirect, a 400, 403, 404 or 405 — never a 5xx.

A bounded fuzz (hypothesis) that runs in CI on SQLite and on PostgreSQL: derandomized, so
every run tries the same requests and a failure is a bug, not a flake; few examples, so the
module takes seconds. The generated text includes control characters and NUL (which
PostgreSQL refuses in any string), huge values, search operators and quotes; the bodies
any content type and charset.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.comments.posting import form_data
from tests.factories import make_article, make_comment, make_user
from tests.reader.addresses import address_templates, sensible_values

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What scanners and readers actually type into a search box, beside arbitrary text.
SEARCH_WORDS = [
    "النفط",
    "السعودية",
    "وزير",
    '"رفع العقوبات"',
    "-كوريا",
    "OPEC+",
    "' OR 1=1 --",
    "NEAR(a b, 2)",
    "*",
    "&|!<->",
    "%",
    "_",
    "\\",
    "\x00",
    "\u202e",
    "ـــ",
]
ANY_TEXT = st.text(max_size=80)
HUGE_TEXT = st.builds(
    lambda word, times: word * times, st.text(min_size=1, max_size=6), st.integers(100, 3000)
)
SEARCH_TEXT = st.one_of(
    ANY_TEXT,
    HUGE_TEXT,
    st.lists(st.sampled_from(SEARCH_WORDS), max_size=12).map(" ".join),
)
# A query string as sent, percent-encoded bytes included (not always valid UTF-8).
RAW_QUERY = st.binary(max_size=40).map(lambda raw: quote(raw, safe="=&+"))
PARAMETERS = st.lists(st.tuples(st.text(max_size=12), ANY_TEXT), max_size=4)
HEADER_TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)


def query(parameters, raw):
    return "?" + "&".join(part for part in (urlencode(parameters), raw) if part)


def no_server_error(response, request):
    assert response.status_code < 500, (request, response.status_code)


@pytest.fixture
def newsroom_story():
    article = make_article("وزير الطاقة: OPEC+ تبحث خفض الإنتاج")
    make_comment(article)
    return article


@BOUNDED
@given(
    text=SEARCH_TEXT,
    page=st.one_of(st.integers(-5, 10**30).map(str), ANY_TEXT),
    section=ANY_TEXT,
    start=ANY_TEXT,
    end=ANY_TEXT,
    raw=RAW_QUERY,
)
def test_any_search_gets_an_answer_not_a_server_error(
    reader, newsroom_story, text, page, section, start, end, raw
):
    parameters = [("q", text), ("page", page), ("section", section), ("from", start), ("to", end)]
    for path in ("/search/", "/api/search"):
        address = path + query(parameters, raw)
        no_server_error(reader.get(address), address)


FIELD_NAMES = ["comment", "author", "email", "url", "parent", "issued", "phone", "remember"]
FIELD_VALUES = st.one_of(ANY_TEXT, HUGE_TEXT, st.integers().map(str))
OVERRIDES = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10)), FIELD_VALUES, max_size=3
)
FORM_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=sahafa",
]
OTHER_TYPES = ["text/plain", "application/json", "application/octet-stream", ""]
CHARSETS = ["utf-8", "latin-1", "windows-1256", "iso-8859-6", "utf-16", "koi8-r", "nonsense", ""]
ENCODINGS = ["utf-8", "cp1256", "utf-16", "latin-1"]


@st.composite
def browser_posts(draw, article):
    """The comment form as a browser sends it, some of its fields replaced by anything:
    these reach the form's checks, the spam defence and the database."""
    reader = draw(st.integers(0, 10**9))  # a reader of their own, past the per-email limit
    own = {"email": f"reader{reader}@example.com", "comment": f"تعليق القارئ رقم {reader}"}
    fields = form_data(article, **{**own, **draw(OVERRIDES)})
    charset = draw(st.sampled_from(["", "; charset=UTF-8"]))
    return "application/x-www-form-urlencoded" + charset, urlencode(fields).encode()


def _fields(draw, article):
    fields = draw(st.sampled_from([{}, form_data(article)]))
    return {**fields, **draw(st.dictionaries(st.text(max_size=10), FIELD_VALUES, max_size=8))}


@st.composite
def forms_in_any_charset(draw, article):
    """A form in another charset than UTF-8, as old Arabic Windows pages and scanners send
    it (Django refuses to decode it): the answer is a 400."""
    content_type = f"{draw(st.sampled_from(FORM_TYPES))}; charset={draw(st.sampled_from(CHARSETS))}"
    body = urlencode(_fields(draw, article)).encode(draw(st.sampled_from(ENCODINGS)), "replace")
    return content_type, body


@st.composite
def any_posts(draw, article):
    """Any body under any content type and charset."""
    content_type = draw(st.one_of(st.sampled_from(FORM_TYPES + OTHER_TYPES), HEADER_TEXT))
    charset = draw(st.one_of(st.none(), st.sampled_from(CHARSETS), HEADER_TEXT))
    if charset is not None:
        content_type = f"{content_type}; charset={charset}"
    encoding = draw(st.sampled_from(ENCODINGS))
    body = draw(
        st.one_of(
            st.just(urlencode(_fields(draw, article)).encode(encoding, "replace")),
            st.binary(max_size=300),
        )
    )
    return content_type, body


@pytest.mark.parametrize("posts", [browser_posts, forms_in_any_charset, any_posts])
@settings(BOUNDED, max_examples=100)
@given(data=st.data())
def test_any_post_to_the_comment_form_gets_an_answer_not_a_server_error(
    newsroom_story, posts, data
):
    content_type, body = data.draw(posts(newsroom_story), label="post")
    origin = data.draw(st.sampled_from([None, "http://testserver", "https://evil.example"]))
    # A browser of its own and an address of its own each time, so the rate limits are
    # not all the fuzz meets.
    client = Client()
    if data.draw(st.booleans(), label="csrftoken cookie"):
        client.cookies["csrftoken"] = "x" * 32
    address = f"/comments/post/{newsroom_story.pk}/"
    response = client.generic(
        "POST",
        address,
        body,
        content_type=content_type,
        headers={"Origin": origin} if origin else {},
        REMOTE_ADDR=data.draw(st.ip_addresses(v=4).map(str), label="ip"),
    )
    no_server_error(response, (address, content_type, body[:80]))


SEGMENT = st.one_of(
    st.just(None),  # the real value: the other parameters reach an object that exists
    ANY_TEXT.map(lambda text: quote(text, safe="")),
    st.binary(min_size=1, max_size=12).map(lambda raw: quote(raw, safe="")),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["..", ".", "%2e%2e", "%2F", "%00", "%", "%ZZ", "~", "a b", "١٢"]),
)


@pytest.fixture
def someone():
    return make_user()


# Every address is tried in each example: a few examples cover each pattern several times.
@pytest.mark.parametrize("who", ["reader", "editor"])
@settings(BOUNDED, max_examples=10)
@given(data=st.data())
def test_any_segment_or_query_on_any_address_gets_an_answer_not_a_server_error(
    request, newsroom_story, someone, who, data
):
    client = request.getfixturevalue(who)
    values = sensible_values(newsroom_story, getattr(client, "user", someone))
    for format_string, params in sorted(set(address_templates())):
        filled = {}
        for name in params:
            segment = data.draw(SEGMENT, label=name)
            filled[name] = quote(str(values.get(name, "x"))) if segment is None else segment
        parameters, raw = data.draw(PARAMETERS), data.draw(RAW_QUERY)
        address = "/" + format_string % filled + query(parameters, raw)
        no_server_error(client.get(address), address)
