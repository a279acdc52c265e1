"""How the library follows its images (connected in MediaConfig.ready()).

Policy: a saved image gets its missing renditions from a task after the commit (the
original is shown until then); a moved focal point throws its crops away first. Pages
that show an image are announced through the side-effect seam when its words change and
when its renditions are made, so stored pages are purged. Safety net: `sahafa renditions`.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from . import placements, renditions, tasks
from .models import Image, LeadImage


def on_image_saving(sender, instance, **kwargs):
    before = Image.objects.filter(pk=instance.pk).values("focal_x", "focal_y").first()
    instance._focus_moved = bool(before) and (
        (before["focal_x"], before["focal_y"]) != (instance.focal_x, instance.focal_y)
    )


def on_image_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if getattr(instance, "_focus_moved", False):
        renditions.forget(instance)
    if not created:
        placements.mirror_all_leads(instance)
        placements.announce_pages_showing(instance, "image")
    transaction.on_commit(lambda: tasks.build_renditions.enqueue(instance.pk), robust=True)


def on_image_deleting(sender, instance, **kwargs):
    renditions.forget(instance)


def on_lead_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        placements.mirror_lead(instance)


def on_lead_deleted(sender, instance, **kwargs):
    placements.unmirror_lead(instance)


def connect():
    pre_save.connect(on_image_saving, sender=Image, dispatch_uid="media-image-saving")
    post_save.connect(on_image_saved, sender=Image, dispatch_uid="media-image-saved")
    pre_delete.connect(on_image_deleting, sender=Image, dispatch_uid="media-image-deleting")
    post_save.connect(on_lead_saved, sender=LeadImage, dispatch_uid="media-lead-saved")
    post_delete.connect(on_lead_deleted, sender=LeadImage, dispatch_uid="media-lead-deleted")
