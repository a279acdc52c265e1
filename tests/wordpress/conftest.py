"""Small WordPress exports written for these tests (tests/wordpress/exports/): what the real
export in ../shared/fixtures lacks — several categories and authors, tags, attachments and
a featured image, shortcodes, spam, trashed comments and pingbacks, a page, WXR 1.1."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

EXPORTS = Path(__file__).parent / "exports"


@pytest.fixture
def newsroom_export():
    return EXPORTS / "newsroom.xml"


@pytest.fixture
def import_wordpress():
    """Runs `sahafa import-wordpress` and returns what it printed."""

    def run(path, *args):
        out = StringIO()
        call_command("import_wordpress", str(path), "--no-progress", *args, stdout=out)
        return out.getvalue()

    return run
