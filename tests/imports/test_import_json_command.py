"""Operators run `sahafa import-json PATH...`: a summary, reasons grouped, exit status 1 when
a file was bad."""

import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from sahafa.articles.models import Article

pytestmark = pytest.mark.django_db


def test_the_command_imports_a_folder_and_prints_a_summary(
    news_record, zip_file, json_file, capsys
):
    zip_file([news_record(), news_record(), news_record(title="")])
    json_file([news_record(content="")])

    call_command("import_json", str(json_file([]).parent), "--batch-size", "2")

    out = capsys.readouterr().out
    assert Article.objects.published().count() == 2
    assert "استُورد: 2، حُدّث: 0، بلا تغيير: 0، تُخطّي: 2." in out
    assert "عنوان مفقود: 1" in out
    assert "نص مفقود: 1" in out


def test_a_bad_file_is_named_and_fails_the_command_after_the_rest(
    news_record, zip_file, tmp_path, capsys
):
    bad = tmp_path / "broken.json"
    bad.write_text("[{", encoding="utf-8")
    good = zip_file([news_record()])

    with pytest.raises(CommandError, match="تعذّر استيراد ملف واحد"):
        call_command("import_json", str(bad), str(good), "--no-progress")

    captured = capsys.readouterr()
    assert Article.objects.count() == 1
    assert str(bad) in captured.err
    assert "استُورد: 1" in captured.out


def test_sahafa_import_json_runs_from_the_shell(news_record, zip_file, tmp_path):
    """The real entry point, in its own process and its own SQLite database."""
    good = zip_file([news_record(), news_record()])
    bad = tmp_path / "empty.json"
    bad.write_text("", encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(SAHAFA_VAR_DIR=str(tmp_path / "var"), SECRET_KEY="tests-only")
    sahafa = [sys.executable, "-m", "sahafa"]
    subprocess.run([*sahafa, "migrate", "-v0"], env=env, check=True, capture_output=True)

    run = subprocess.run(
        [*sahafa, "import-json", str(good), str(bad)], env=env, capture_output=True, text=True
    )

    assert run.returncode == 1
    assert "استُورد: 2، حُدّث: 0، بلا تغيير: 0، تُخطّي: 0." in run.stdout
    assert f"{bad}: ليس JSON صالحاً" in run.stderr
    assert "تعذّر استيراد ملف واحد." in run.stderr
