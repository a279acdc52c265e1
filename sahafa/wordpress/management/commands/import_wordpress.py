import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sahafa.wordpress.importer import Skips, import_export
from sahafa.wordpress.wxr import WXRError

# Skipped items listed one by one up to this many; beyond it, only the counts by reason.
MAX_LISTED_SKIPS = Skips.EXAMPLES
STATUS_NAMES = {
    "published": "منشور",
    "scheduled": "مجدول",
    "draft": "مسودة",
    "review": "قيد المراجعة",
}


def section_mapping(value):
    category, sep, section = value.partition("=")
    if not sep or not category.strip() or not section.strip():
        raise ValueError(value)
    return category.strip(), section.strip()


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts, comments and old addresses (301 to the new "
        "ones). Idempotent: the site URL and post id are the key. Exits with status 1 if the "
        "file cannot be imported (nothing is written then)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="EXPORT.xml", help="the WordPress export file")
        parser.add_argument(
            "--site-url",
            default="",
            help="the old site's address, if not the export's <wp:base_blog_url>",
        )
        parser.add_argument(
            "--section",
            action="append",
            type=section_mapping,
            default=[],
            metavar="CATEGORY=SECTION",
            help="file posts whose first category has slug CATEGORY in the section with slug "
            "SECTION (repeatable); by default each category becomes a section of its name",
        )
        parser.add_argument(
            "--time-zone",
            default=None,
            help="the old site's time zone, for dates the export gives in local time only "
            "(default: TIME_ZONE)",
        )
        parser.add_argument(
            "--download-media",
            action="store_true",
            help="bring the old site's images (featured images, attachments) into the media "
            "library, where a network reaches it; an image that fails keeps its old address",
        )
        parser.add_argument(
            "--media-timeout",
            type=float,
            default=30,
            metavar="SECONDS",
            help="with --download-media, the most one image may take (default 30)",
        )
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(
        self,
        *args,
        path,
        site_url,
        section,
        time_zone,
        batch_size,
        no_progress,
        download_media,
        media_timeout,
        **kw,
    ):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        hidden = no_progress or not sys.stderr.isatty()
        bar = tqdm(total=0, unit=" عنصر", file=sys.stderr, disable=hidden, dynamic_ncols=True)

        def on_scanned(channel):
            bar.total = channel.items
            bar.refresh()

        def phases(iterable=(), **kwargs):
            return tqdm(iterable, file=sys.stderr, disable=hidden, dynamic_ncols=True, **kwargs)

        try:
            with bar:
                summary = import_export(
                    path,
                    site_url=site_url,
                    section_map=dict(section),
                    time_zone=time_zone,
                    batch_size=batch_size,
                    on_scanned=on_scanned,
                    progress=bar.update,
                    phases=phases,
                    download_media=download_media,
                    media_timeout=media_timeout,
                )
        except WXRError as error:
            raise CommandError(f"{error} لم يُستورد شيء.") from error
        write = self.stdout.write
        write(f"الموقع القديم: {summary.site}")
        write(
            f"المقالات — استُورد: {summary.created}، حُدّث: {summary.updated}، "
            f"بلا تغيير: {summary.unchanged}، تُخطّي: {len(summary.skipped)}."
        )
        if summary.statuses:
            states = "، ".join(
                f"{STATUS_NAMES.get(status, status)}: {count}"
                for status, count in sorted(summary.statuses.items())
            )
            write(f"  حالات المستوردة: {states}")
        for reason, count in summary.skipped_reasons.most_common():
            write(f"  {reason}: {count}")
        if 0 < len(summary.skipped) <= MAX_LISTED_SKIPS:
            for where, reason in summary.skipped:
                write(f"    {where}: {reason}")
        write(
            f"التعليقات — استُورد: {summary.comments_created}، "
            f"موجود من قبل: {summary.comments_unchanged}، "
            f"تُخطّي: {len(summary.comments_skipped)}."
        )
        for reason, count in summary.comment_skipped_reasons.most_common():
            write(f"  {reason}: {count}")
        write(f"العناوين القديمة المحوّلة الجديدة: {summary.redirects_created}")
        if download_media:
            write(f"الصور المنزّلة إلى مكتبة الوسائط: {summary.media_downloaded}")
            failures = summary.media_failures
            if failures:
                write(f"صور تعذّر تنزيلها فبقيت بعناوينها القديمة: {len(failures)}")
                for reason, count in failures.reasons.most_common():
                    write(f"  {reason}: {count}")
                if len(failures) <= MAX_LISTED_SKIPS:
                    for url, reason in failures:
                        write(f"    {url}: {reason}")
        if summary.unknown_shortcodes:
            names = "، ".join(
                f"[{name}] ×{count}" for name, count in summary.unknown_shortcodes.most_common()
            )
            write(f"رموز مختصرة غير معروفة أُزيلت وبقي نصها: {names}")
        if summary.refused_image_hosts:
            hosts = "، ".join(
                f"{host} ×{count}" for host, count in summary.refused_image_hosts.most_common()
            )
            write(
                f"صور لم تُنقل لأن مضيفها ليس من مضيفي الصور المسموح بها: {hosts}. "
                "أضف المضيف (عبر https) إلى SAHAFA_IMAGE_HOSTS ثم أعد الاستيراد."
            )
        if kw.get("verbosity", 1) >= 2:
            write(
                "ذروة ذاكرة الاستيراد قبل فهرس البحث وقوائم «شاهد أيضاً»: "
                f"{summary.import_peak_rss_kb // 1024} م.ب"
            )
