"""Pictures for the demo, drawn with Pillow: the demo may not download any."""

import colorsys
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw


def placeholder_image(hue, size=(1200, 675)):
    """A calm abstract picture in the given hue: demo articles need images, and the demo
    may not download any."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        r, g, b = colorsys.hls_to_rgb(hue / 360, 0.28 + 0.3 * y / height, 0.45)
        draw.line([(0, y), (width, y)], fill=(int(r * 255), int(g * 255), int(b * 255)))
    r, g, b = colorsys.hls_to_rgb(((hue + 30) % 360) / 360, 0.75, 0.35)
    accent = (int(r * 255), int(g * 255), int(b * 255))
    circle = [width * 0.55, height * 0.15, width * 0.95, height * 0.85]
    draw.ellipse(circle, outline=accent, width=18)
    draw.rectangle([width * 0.08, height * 0.6, width * 0.42, height * 0.68], fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue())
