"""How long an editor's «انشر الآن» takes at archive scale, with the follow-up work queued.

    flock /tmp/bench.lock .venv/bin/python bench/publish_latency.py --database-url URL

On a database that already holds the imported corpus (bench/reader_http.py or
bench/import_corpus.py --postgres leave one; use a copy, it is changed), takes 50
published stories off the site, then publishes each again as an editor does: the change
form is fetched and sent back with «انشر الآن» (every field the browser would send, read
from the form's HTML), through Django's test client. The task backend is the demo's
database queue. Reports p50/p95/max of the POST, the tasks it queued, and how long one
worker then takes to run them.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COUNT = 50


class FormFields(HTMLParser):
    """What a browser sends for the form `form_id`: its inputs, selects and textareas."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select, self.options, self.multiple, self.textarea = None, [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.fields.append((attrs["name"], attrs.get("value", default)))
        elif tag == "select":
            self.select, self.options = attrs["name"], []
            self.multiple = "multiple" in attrs
        elif tag == "option" and self.select:
            self.options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected]
            if not chosen and not self.multiple and self.options:
                chosen = [self.options[0][0]]  # what a browser sends
            self.fields.extend((self.select, value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None


def post_data(fields):
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


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
        SAHAFA_VAR_DIR=tempfile.mkdtemp(prefix="sahafa-bench-publish-"),
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

    call_command("migrate", verbosity=0)  # a database left by an earlier version
    call_command("collectstatic", interactive=False, verbosity=0)  # the admin's pages
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
        url = f"/admin/articles/article/{story.pk}/change/"
        form = FormFields("article_form")
        form.feed(client.get(url).content.decode())
        data = post_data(form.fields)
        data["_publish"] = ["1"]
        started = time.perf_counter()
        response = client.post(url, data)
        seconds.append(time.perf_counter() - started)
        story.refresh_from_db()
        if response.status_code != 302 or not story.is_public:
            errors = re.findall(r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S)
            sys.exit(f"publishing {story.pk} failed: {response.status_code} {errors}")
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
