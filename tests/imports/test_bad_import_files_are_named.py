"""A file that is not a list of articles is reported by name, imports nothing, and does not
stop the other files."""

import zipfile

import pytest

from sahafa.articles.models import Article
from sahafa.imports.importer import ImportFileError, import_paths, read_file

pytestmark = pytest.mark.django_db


def test_broken_json_is_named_with_its_line(tmp_path):
    path = tmp_path / "2015-07-21.json"
    path.write_text('[{"title": "خبر"},\n{"title": ', encoding="utf-8")

    with pytest.raises(ImportFileError) as error:
        read_file(path)

    assert str(error.value).startswith(f"{path}: ليس JSON صالحاً (السطر 2،")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"title": "خبر"}, "المتوقع مصفوفة JSON من المقالات، والموجود object"),
        (["خبر عاجل"], "#0: المتوقع كائن مقال، والموجود string"),
    ],
)
def test_json_of_the_wrong_shape_is_named(json_file, content, message):
    path = json_file(content)

    with pytest.raises(ImportFileError, match=message) as error:
        read_file(path)

    assert str(path) in str(error.value)


def test_a_zip_without_json_or_not_a_zip_is_named(tmp_path):
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "لا أخبار هنا")
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"not a zip")

    with pytest.raises(ImportFileError, match="لا يحوي أرشيف ZIP أي ملف"):
        read_file(empty)
    with pytest.raises(ImportFileError, match="ليس أرشيف ZIP صالحاً"):
        read_file(fake)


def test_a_bad_file_imports_nothing_and_the_next_file_still_goes_in(
    news_record, json_file, zip_file
):
    half_good = json_file([news_record(), "ليس خبراً"], name="a-half-good.json")
    zip_file([news_record(), news_record()], name="b-good.zip")

    summary = import_paths([half_good.parent])

    assert summary.created == 2 == Article.objects.count()
    assert summary.file_errors == [f"{half_good} #1: المتوقع كائن مقال، والموجود string."]


def test_a_path_that_does_not_exist_is_named(tmp_path):
    missing = tmp_path / "2015-09-01.zip"

    summary = import_paths([missing])

    assert summary.file_errors == [f"{missing}: تتعذّر قراءته (No such file or directory)."]
