"""Small newspaper files in the SaudiNewsNet format, written to tmp_path by each test."""

import json
import zipfile
from itertools import count

import pytest

_serial = count(1)


def _record(**fields):
    serial = next(_serial)
    record = {
        "source": "okaz",
        "url": f"http://www.okaz.com.sa/new/Issues/20150727/Con2015072778{serial:04d}.htm",
        "date_extracted": "2015-07-27 18:18:27",
        "title": f"أمير منطقة عسير يدشن مشروعات تنموية جديدة رقم {serial}",
        "author": "\xa0عبدالرحمن المصباحي (جدة)",
        "content": (
            "دشن أمير منطقة عسير اليوم عدداً من المشروعات التنموية في المنطقة.\n"
            "وأكد أن المشروعات تخدم أكثر من مليون مواطن، وتوفر فرص عمل للشباب."
        ),
    }
    record.update(fields)
    return record


@pytest.fixture
def news_record():
    """A SaudiNewsNet record with real Arabic text; keyword arguments override fields."""
    return _record


@pytest.fixture
def json_file(tmp_path):
    """Writes records (or any JSON value) to a .json file and returns its path."""

    def write(data, name=None):
        path = tmp_path / (name or f"day-{next(_serial)}.json")
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def zip_file(tmp_path):
    """Writes records to a .zip holding one .json array, as the corpus ships them."""

    def write(data, name=None):
        path = tmp_path / (name or f"day-{next(_serial)}.zip")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(path.stem + ".json", json.dumps(data, ensure_ascii=False))
        return path

    return write
