"""Lead images for demo stories, drawn with Pillow so nothing is downloaded."""

import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 1000


def _hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def draw_lead_image(seed: str, palette: tuple[str, str]) -> bytes:
    """A soft abstract landscape in the story's two colours, as JPEG bytes."""
    rng = random.Random(seed)
    top, bottom = (_hex_to_rgb(c) for c in palette)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / HEIGHT
        colour = tuple(round(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    # Hills and shapes: a horizon of layered ridges, then a sun.
    for layer in range(4):
        base = HEIGHT * (0.55 + 0.1 * layer)
        shade = tuple(max(0, int(c * (0.85 - 0.15 * layer))) for c in bottom)
        points: list[tuple[float, float]] = [(0, HEIGHT)]
        for x in range(0, WIDTH + 100, 100):
            points.append((x, base + rng.randint(-60, 60)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=shade)
    cx, cy, r = rng.randint(200, WIDTH - 200), rng.randint(120, 380), rng.randint(60, 130)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, 244, 214))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
