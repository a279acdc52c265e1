"""A NUL byte in an address — a scanner's favourite, and something PostgreSQL refuses in
any string — gives a 404 (or a normal page), never a 500: on every URL the site has, for
a reader and for a journalist signed in to the newsroom."""

from urllib.parse import quote

import pytest

from tests.factories import make_article, make_user
from tests.reader.addresses import address_templates, sensible_values

NUL = "a%00b"


def addresses_with_a_nul(article, user):
    values = sensible_values(article, user)
    for format_string, params in sorted(set(address_templates())):
        for poisoned in params:
            filled = {
                name: NUL if name == poisoned else quote(str(values.get(name, "x")))
                for name in params
            }
            yield "/" + format_string % filled


@pytest.mark.parametrize("who", ["reader", "editor"])
def test_no_address_answers_a_5xx_for_a_nul_byte_in_its_path(request, who):
    client = request.getfixturevalue(who)
    client.raise_request_exception = False
    article = make_article("البرلمان يقر القانون")
    user = getattr(client, "user", None) or make_user()

    broken = []
    for address in addresses_with_a_nul(article, user):
        status = client.get(address).status_code
        if status >= 500:
            broken.append((address, status))

    assert broken == []


@pytest.mark.parametrize(
    "address",
    ["/feeds/tag/%00/", "/feeds/%00/", "/tag/%00/", "/author/%00/", "/%00/", "/sitemap-%00.xml"],
)
def test_the_addresses_scanners_try_are_an_arabic_404(reader, address):
    response = reader.get(address)

    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.content.decode()


@pytest.mark.parametrize("query", ["%00", "حرب%00", "%00%00%00"])
def test_a_nul_byte_in_a_search_is_an_ordinary_results_page(reader, query):
    make_article("البرلمان يقر القانون")

    assert reader.get(f"/search/?q={query}").status_code == 200
    assert reader.get(f"/api/search?q={query}").status_code == 200
