from django.core.management.base import BaseCommand

from sahafa.mostread import fold, lists


class Command(BaseCommand):
    help = "Fold the counted views into the database now and compute «الأكثر قراءة» anew."

    def handle(self, *args, **options):
        changed = fold.fold()
        if changed is None:
            self.stderr.write("عملية دمج أخرى جارية؛ أعد المحاولة بعد قليل.")
            return
        lists.refresh()
        self.stdout.write(f"دُمجت المشاهدات: {changed} صفاً تغيّر.")
