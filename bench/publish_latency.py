"""How long an editor's «انشر الآن» takes at archive scale, with the follow-up work queued.

    .venv/bin/python bench/publish_latency.py --database-url sqlite:////tmp/sahafa-bench-http/corpus.sqlite3

On a database that already holds the imported corpus (bench/reader_http.py leaves one),
takes 50 published stories off the site and publishes each again through the newsroom's
admin (the editor's POST of «انشر الآن», through Django's test client), with the task
backend the demo uses (the database queue). Reports p50/p95/max of the request, the
tasks it queued, and then how long one worker takes to run them. Everything it changed is
put back: the stories end published, as they started.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COUNT = 50


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=args.database_url,
        SECRET_KEY="benchmark-only",
        SAHAFA_TASKS="database",
        CACHE_URL="locmem://",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="sahafa.settings",
        ALLOWED_HOSTS="testserver",
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client
    from django_tasks_db.models import DBTaskResult

    from sahafa.articles import workflow
    from sahafa.articles.models import Article
    from sahafa.newsroom import roles

    editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client = Client()
    client.force_login(editor)
    stories = list(Article.objects.published().newest_first()[100 : 100 + COUNT])
    for story in stories:
        workflow.unpublish(story, by=None)
    DBTaskResult.objects.all().delete()
    seconds = []
    for story in stories:
        story.refresh_from_db()
        url = f"/admin/articles/article/{story.pk}/change/"
        form = client.get(url).context["adminform"].form
        data = {
            name: value
            for name, value in form.initial.items()
            if value is not None and not isinstance(value, list)
        }
        data.update(
            {
                "tags": [tag.pk for tag in story.tags.all()],
                "byline_set-TOTAL_FORMS": "0",
                "byline_set-INITIAL_FORMS": "0",
                "_publish": "1",
            }
        )
        started = time.perf_counter()
        response = client.post(url, data)
        seconds.append(time.perf_counter() - started)
        story.refresh_from_db()
        if response.status_code not in (200, 302) or not story.is_public:
            sys.exit(f"publishing {story.pk} failed: {response.status_code}")
    queued = DBTaskResult.objects.count()
    started = time.perf_counter()
    call_command("worker", batch=True)
    worker_seconds = time.perf_counter() - started
    ms = sorted(s * 1000 for s in seconds)
    print(f"database      {args.database_url}")
    print(f"publishes     {len(ms)} through the admin, task backend: database queue")
    print(f"request       p50 {statistics.median(ms):.1f} ms, p95 "
          f"{ms[int(0.95 * len(ms)) - 1]:.1f} ms, max {ms[-1]:.1f} ms")  # fmt: skip
    print(f"tasks queued  {queued}; one worker ran them in {worker_seconds:.1f} s")


if __name__ == "__main__":
    main()
