"""A section, tag or author renamed changes no «شاهد أيضاً» list (lists compare texts, not
names): no related work is queued for the thousands of articles it may hold, while the
search index, which does hold the names, is brought up to date."""

import pytest
from django_tasks_db.models import DBTaskResult

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_a_renamed_section_queues_search_work_only(settings):
    section = make_section("رياضة")
    for number in range(3):
        make_article(f"خبر رياضي {number}", section=section)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    section.name = "الرياضة"
    section.save()

    queued = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert queued == ["sahafa.search.tasks.index_articles"]
