"""/api/docs is the developer's manual: Swagger UI over the live schema, loaded from the
site's own static files (no CDN, no inline script), so it works behind a strict
Content-Security-Policy and on a network without the internet."""

import re

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_the_docs_page_loads_only_our_own_files(reader):
    response = reader.get("/api/docs")

    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/") for source in sources)
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source
    # The only inline <script> is data (the UI's settings), which a browser never runs.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [' type="application/json" id="swagger-settings"']
    assert '"url": "/api/openapi.json"' in html
