"""Lead images for demo stories, drawn with Pillow so nothing is downloaded.

Each picture is an illustration, not a photo: a landscape in the story's two colours, a map
pin, and the name of the place the story is about. Its alt text and caption say exactly
that (`describe`), so no screen-reader user is told of a photo that is not there.
"""

import random
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 1000
PIN = (200, 16, 46)  # the site's red
CREDIT = "Newsroom demo"


@dataclass(frozen=True)
class Description:
    alt: str
    caption: str
    credit: str


def describe(place: str) -> Description:
    """What the drawing shows, for the image library's alt text, caption and credit."""
    return Description(
        alt=f"Illustration: a red map pin and the word “{place}” over a landscape of hills",
        caption=f"Illustration: {place}",
        credit=CREDIT,
    )


def _hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def draw_lead_image(seed: str, palette: tuple[str, str], place: str) -> bytes:
    """Hills in the story's two colours, a map pin and the place's name, as JPEG bytes."""
    rng = random.Random(seed)
    top, bottom = (_hex_to_rgb(c) for c in palette)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / HEIGHT
        colour = tuple(round(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    for layer in range(4):
        base = HEIGHT * (0.55 + 0.1 * layer)
        shade = tuple(max(0, int(c * (0.85 - 0.15 * layer))) for c in bottom)
        points: list[tuple[float, float]] = [(0, HEIGHT)]
        for x in range(0, WIDTH + 100, 100):
            points.append((x, base + rng.randint(-60, 60)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=shade)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    draw = ImageDraw.Draw(image)
    # The pin: a disc with a hole, pointing down at a spot on the hills.
    cx, cy, r = WIDTH // 2 + rng.randint(-300, 300), 330, 90
    draw.polygon(
        [(cx - r * 0.8, cy + r * 0.5), (cx + r * 0.8, cy + r * 0.5), (cx, cy + 2.6 * r)], fill=PIN
    )
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=PIN)
    draw.ellipse([cx - r * 0.38, cy - r * 0.38, cx + r * 0.38, cy + r * 0.38], fill=(255, 255, 255))
    # The place's name on a light band, in Pillow's own scalable font (nothing to install).
    font = ImageFont.load_default(size=96)
    left, upper, right, lower = draw.textbbox((0, 0), place, font=font)
    x, y = int(WIDTH - (right - left)) // 2, HEIGHT - 230
    draw.rounded_rectangle(
        [x - 40, y - 30 + upper, x + right - left + 40, y + lower + 30],
        radius=24,
        fill=(255, 255, 255),
    )
    draw.text((x - left, y), place, font=font, fill=(17, 17, 17))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
