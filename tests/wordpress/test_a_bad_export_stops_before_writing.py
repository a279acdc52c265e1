"""An export that is not well-formed XML, that plays entity tricks (an XML bomb), or that is
not a WordPress export stops the import with a message naming the problem — the line, for
bad XML — and writes nothing."""

import pytest
from django.core.management import CommandError

from sahafa.articles.models import Article, Section
from sahafa.wordpress.models import OldUrl

pytestmark = pytest.mark.django_db


def nothing_written():
    return not Article.objects.exists() and not OldUrl.objects.exists()


def test_a_broken_export_names_its_line_and_writes_nothing(
    newsroom_export, import_wordpress, tmp_path
):
    text = newsroom_export.read_text(encoding="utf-8")
    # The last item loses its closing tag: the error is near the end of the file, after
    # posts a one-pass import would already have written.
    broken = tmp_path / "broken.xml"
    broken.write_text(
        text.replace(
            "</wp:attachment_url>\n\t</item>\n</channel>", "</wp:attachment_url>\n</channel>"
        ),
        encoding="utf-8",
    )
    line = broken.read_text(encoding="utf-8").splitlines().index("</channel>") + 1
    sections = Section.objects.count()

    with pytest.raises(CommandError) as error:
        import_wordpress(broken, "--batch-size", "1")

    assert f"السطر {line}" in str(error.value)
    assert "لم يُستورد شيء" in str(error.value)
    assert nothing_written() and Section.objects.count() == sections


def test_an_xml_bomb_is_refused(import_wordpress, tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "ووووووووووووووو">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        '<rss version="2.0"><channel><title>&c;</title></channel></rss>\n',
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as error:
        import_wordpress(bomb)

    assert "لأمان الخادم" in str(error.value)
    assert nothing_written()


@pytest.mark.parametrize(
    "content, expected",
    [
        ('<?xml version="1.0"?><feed><entry/></feed>', "ليس تصديراً من ووردبريس"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "wp:wxr_version"),
    ],
)
def test_a_file_that_is_not_a_wordpress_export_is_refused(
    import_wordpress, tmp_path, content, expected
):
    path = tmp_path / "other.xml"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError) as error:
        import_wordpress(path)

    assert expected in str(error.value)
    assert nothing_written()


def test_a_missing_file_is_named(import_wordpress, tmp_path):
    with pytest.raises(CommandError) as error:
        import_wordpress(tmp_path / "missing.xml")

    assert "missing.xml" in str(error.value)
