"""A developer opens /api/docs in Chromium on a machine that reaches nothing but the site:
Swagger UI loads from Sahafa's own static files (under a Content-Security-Policy that allows
nothing else, no inline script or style), reads the live schema and lists every
operation, and asking it for the article list shows the JSON answer."""

import pytest

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db(transaction=True)

CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"


def test_the_docs_work_with_nothing_but_the_site(page, live_server, artifacts):
    make_article("الرياض تستضيف قمة الطاقة", section=make_section("سياسة", slug="politics"))
    elsewhere = []

    def only_the_site(route):
        if route.request.url.startswith(f"{live_server.url}/api/docs"):
            # As strict a policy as the site can send: our own files only.
            answer = route.fetch()
            route.fulfill(
                response=answer, headers={**answer.headers, "content-security-policy": CSP}
            )
        elif route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_site)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and errors.append(message.text),
    )

    page.goto(f"{live_server.url}/api/docs")
    page.locator('.opblock-summary-path[data-path="/api/v1/articles/{id}"]').wait_for()

    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    assert {"/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/search"} <= {
        path.strip().replace("\u200b", "") for path in paths
    }
    page.locator(".opblock-summary-path", has_text="/api/v1/sections").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    # The answer the site gave, below the request (not the documented examples).
    live = page.locator(".live-responses-table")
    live.wait_for()
    assert live.locator("tbody .response-col_status").inner_text().strip() == "200"
    assert "سياسة" in live.inner_text()
    page.screenshot(path=artifacts / "api-docs-1280.png", full_page=True)
    assert elsewhere == [] and errors == []
