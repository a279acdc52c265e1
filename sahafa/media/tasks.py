"""The library's background work. Safety net: `sahafa renditions`."""

from sahafa.background.retries import retried_task

from . import placements, renditions
from .models import Image


@retried_task
def build_renditions(image_id):
    """Make the renditions image `image_id` lacks; once there, the pages showing it are
    announced, so stored pages swap the original for the renditions."""
    image = Image.objects.filter(pk=image_id).first()
    if image is not None and renditions.build_missing(image):
        placements.announce_pages_showing(image, "renditions")
