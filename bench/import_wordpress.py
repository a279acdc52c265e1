"""Benchmark: `sahafa import-wordpress` on the real export or a synthetic one of any size.

    .venv/bin/python bench/import_wordpress.py                  # ../shared/fixtures export
    .venv/bin/python bench/import_wordpress.py --posts 100000   # a synthetic 100,000-post WXR
    .venv/bin/python bench/import_wordpress.py --posts 100000 --keep export.xml

Each run imports into a fresh SQLite database in a temporary folder (`sahafa migrate`
first), as a separate process, and reports the wall time of the import (articles, comments,
old addresses, then the search index and «شاهد أيضاً» lists), articles per second, the peak
RSS of the import process when its last batch has committed (the import's own memory), the
peak RSS of the whole run (the bulk phase shared with `sahafa import-json` included: the
import process or its largest worker), and the wall time of the idempotent re-run. The synthetic
export has Arabic headlines and bodies without `<p>` (wpautop), three categories, tags, two
comments per post (one a reply) and percent-encoded Arabic permalinks, so the file grows
about 2.5 KB a post; memory should stay flat whatever its size.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO.parent / "shared" / "fixtures" / "wordpress-export.xml"

TEXT = (
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتعزيز الاستثمار في "
    "القطاعات غير النفطية وتوفير فرص العمل للشباب في مختلف مناطق المملكة"
)
WORDS = TEXT.split(" ")
CATEGORIES = [("economy", "اقتصاد"), ("sports", "رياضة"), ("local", "محليات")]

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>جريدة اصطناعية</title><link>{site}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{site}</wp:base_site_url>
<wp:base_blog_url>{site}</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login>
<wp:author_display_name><![CDATA[هيئة التحرير]]></wp:author_display_name></wp:author>
"""


def _comment(comment_id, parent, day):
    return (
        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
        f"<wp:comment_author><![CDATA[قارئ {comment_id}]]></wp:comment_author>"
        f"<wp:comment_author_email>reader{comment_id}@example.org</wp:comment_author_email>"
        f"<wp:comment_author_IP>192.0.2.{comment_id % 250}</wp:comment_author_IP>"
        f"<wp:comment_date_gmt>{day} 12:00:00</wp:comment_date_gmt>"
        f"<wp:comment_content><![CDATA[تعليق رقم {comment_id} على الخبر]]></wp:comment_content>"
        f"<wp:comment_approved>{1 if comment_id % 3 else 0}</wp:comment_approved>"
        f"<wp:comment_type>comment</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def _attachment(attachment_id, parent, site, day):
    url = f"{site}/wp-content/uploads/{day[:7].replace('-', '/')}/photo-{attachment_id}.jpg"
    return (
        f"<item><title><![CDATA[صورة {attachment_id}]]></title>"
        f"<link>{site}/?attachment_id={attachment_id}</link>"
        f"<guid>{url}</guid>"
        f"<excerpt:encoded><![CDATA[صورة رقم {attachment_id} من أرشيف الجريدة]]></excerpt:encoded>"
        f"<wp:post_id>{attachment_id}</wp:post_id><wp:post_parent>{parent}</wp:post_parent>"
        f"<wp:post_date>{day} 10:00:00</wp:post_date>"
        f"<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>{url}</wp:attachment_url></item>\n"
    )


def write_export(path, posts, *, attachments=0, site="https://synthetic.example.org"):
    """A WXR 1.2 export of `posts` posts, written as a stream; each post has `attachments`
    attachments of its own (the first its featured image), written after it."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD.format(site=site))
        for number in range(1, posts + 1):
            words = [WORDS[(number * 7 + i) % len(WORDS)] for i in range(12)]
            headline = " ".join(words[:8]) + f" {number}"
            slug = quote("-".join(words[:5]) + f"-{number}").lower()
            year, month, day = 2010 + number % 15, 1 + number % 12, 1 + number % 28
            date = f"{year}-{month:02d}-{day:02d}"
            body = "\n\n".join(" ".join(words[i:] + words[:i]) * 3 for i in range(4))
            nicename, name = CATEGORIES[number % 3]
            out.write(
                f"<item><title><![CDATA[{headline}]]></title>"
                f"<link>{site}/{year}/{month:02d}/{slug}/</link>"
                f"<dc:creator><![CDATA[editor]]></dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                f"<wp:post_id>{number}</wp:post_id>"
                f"<wp:post_date>{date} 10:00:00</wp:post_date>"
                f"<wp:post_date_gmt>{date} 07:00:00</wp:post_date_gmt>"
                f"<wp:post_name><![CDATA[{slug}]]></wp:post_name>"
                f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="{nicename}"><![CDATA[{name}]]></category>'
                f'<category domain="post_tag" nicename="t{number % 50}">'
                f"<![CDATA[وسم {number % 50}]]></category>"
                + _comment(number * 2, 0, date)
                + _comment(number * 2 + 1, number * 2, date)
                + (
                    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{first}</wp:meta_value></wp:postmeta>"
                    if (first := _attachment_id(number, 0, posts)) and attachments
                    else ""
                )
                + "</item>\n"
            )
            for k in range(attachments):
                out.write(_attachment(_attachment_id(number, k, posts), number, site, date))
        out.write("</channel>\n</rss>\n")
    return path


def _attachment_id(post, k, posts):
    """Attachment ids come after every post's id, as in WordPress (one sequence)."""
    return posts + 1 + (post - 1) * 1000 + k


def run(command, env):
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=0, help="a synthetic export of N posts")
    parser.add_argument("--keep", default="", help="write the synthetic export here")
    parser.add_argument("--attachments", type=int, default=0, help="attachments per synthetic post")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sahafa-bench-wp-") as folder:
        if args.posts:
            export = Path(args.keep or Path(folder) / "export.xml")
            write_export(export, args.posts, attachments=args.attachments)
        else:
            export = FIXTURE
        env = {**os.environ, "SAHAFA_VAR_DIR": folder}
        env.pop("DATABASE_URL", None)
        sahafa = [str(REPO / ".venv" / "bin" / "sahafa")]
        subprocess.run([*sahafa, "migrate", "-v0"], env=env, check=True)
        command = [*sahafa, "import-wordpress", str(export), "--no-progress", "-v2"]
        seconds, report = run(command, env)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        again, _ = run(command, env)
        size_mb = export.stat().st_size / 1e6
        articles = int(report.split("استُورد: ")[1].split("،")[0])
        print(report)
        print(f"export: {export} ({size_mb:.1f} MB)")
        print(f"import: {seconds:.1f} s, {articles / seconds:.0f} articles/s")
        import_peak = report.split("«شاهد أيضاً»: ")[1].split(" ")[0]
        print(f"peak RSS of the import before the bulk phase: {import_peak} MB")
        print(f"peak RSS of a child process, whole run: {peak_kb / 1024:.0f} MB")
        print(f"re-run (nothing changes): {again:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
