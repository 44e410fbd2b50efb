"""Draw the illustrations of the cloud-computing deck (slides_src/cloud.md) with Pillow.

    python img/draw_seed_images.py        # writes img/cloud.png, ccschema.png, team.png, employee2.png

Each picture is drawn at 3x and scaled down for smooth edges, large enough never to be
shown above its pixel size on a 1920-pixel screen. The output depends only on Pillow and the
DejaVu Sans font (labels of the schema), so it is the same on every run.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
SS = 3  # supersampling factor
NAVY = (31, 56, 100)
BLUE = (46, 117, 182)
SKY = (222, 235, 247)
PALE = (241, 247, 253)
ORANGE = (237, 125, 49)
GREEN = (84, 158, 66)
TEAL = (38, 150, 160)
PURPLE = (112, 84, 170)
RED = (200, 70, 70)
GREY = (118, 128, 140)
WHITE = (255, 255, 255)


def canvas(width: int, height: int, background=(0, 0, 0, 0)):
    image = Image.new("RGBA", (width * SS, height * SS), background)
    return image, ImageDraw.Draw(image)


def finish(image: Image.Image, path: Path) -> None:
    width, height = image.size[0] // SS, image.size[1] // SS
    image.resize((width, height), Image.LANCZOS).save(path, optimize=True)
    print(f"wrote {path} ({width}x{height})")


def font(size: int, bold: bool = True):
    names = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"] if bold else ["DejaVuSans.ttf"]
    for name in names:
        for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/Library/Fonts"):
            path = Path(folder) / name
            if path.exists():
                return ImageFont.truetype(str(path), size * SS)
    return ImageFont.load_default(size * SS)


def s(value: float) -> int:
    return round(value * SS)


# -- shapes ------------------------------------------------------------------------------

def cloud(draw, cx: float, cy: float, width: float, fill, outline=None) -> None:
    """A cloud `width` wide centred on (cx, cy): three domes on a rounded base."""
    w = width
    h = w * 0.56
    base_top = cy
    parts = [(cx - w * 0.26, cy - h * 0.02, w * 0.22), (cx + w * 0.02, cy - h * 0.22, w * 0.30),
             (cx + w * 0.28, cy + h * 0.02, w * 0.19)]
    for ox, oy, r in parts:
        draw.ellipse([s(ox - r), s(oy - r), s(ox + r), s(oy + r)], fill=fill)
    draw.rounded_rectangle([s(cx - w * 0.48), s(base_top), s(cx + w * 0.47), s(cy + h * 0.36)],
                           radius=s(h * 0.18), fill=fill)
    if outline:
        draw.rounded_rectangle([s(cx - w * 0.48), s(base_top), s(cx + w * 0.47), s(cy + h * 0.36)],
                               radius=s(h * 0.18), outline=outline, width=s(3))


def person(draw, cx: float, cy: float, size: float, fill) -> None:
    """Head and shoulders, `size` tall, centred at (cx, cy)."""
    head = size * 0.22
    draw.ellipse([s(cx - head), s(cy - size * 0.5), s(cx + head), s(cy - size * 0.5 + 2 * head)], fill=fill)
    top = cy - size * 0.5 + 2 * head + size * 0.05
    draw.rounded_rectangle([s(cx - size * 0.38), s(top), s(cx + size * 0.38), s(cy + size * 0.5)],
                           radius=s(size * 0.2), fill=fill)


def building(draw, cx: float, cy: float, size: float, fill, window=WHITE) -> None:
    w, h = size * 0.62, size
    left, top = cx - w / 2, cy - h / 2
    draw.rectangle([s(left), s(top), s(left + w), s(top + h)], fill=fill)
    for row in range(4):
        for col in range(3):
            x = left + w * (0.14 + col * 0.28)
            y = top + h * (0.1 + row * 0.19)
            draw.rectangle([s(x), s(y), s(x + w * 0.16), s(y + h * 0.1)], fill=window)
    draw.rectangle([s(cx - w * 0.12), s(top + h * 0.82), s(cx + w * 0.12), s(top + h)], fill=window)


def database(draw, cx: float, cy: float, size: float, fill, line=WHITE) -> None:
    w, h = size * 0.7, size * 0.9
    rim = h * 0.16
    left, top = cx - w / 2, cy - h / 2
    draw.rectangle([s(left), s(top + rim / 2), s(left + w), s(top + h - rim / 2)], fill=fill)
    draw.ellipse([s(left), s(top + h - rim), s(left + w), s(top + h)], fill=fill)
    for step in (0.36, 0.62):
        y = top + h * step
        draw.arc([s(left), s(y - rim / 2), s(left + w), s(y + rim / 2)], 0, 180, fill=line, width=s(size * 0.04))
    draw.ellipse([s(left), s(top), s(left + w), s(top + rim)], fill=tuple(min(255, c + 40) for c in fill[:3]))


def gear(draw, cx: float, cy: float, size: float, fill, hole=WHITE) -> None:
    outer, inner = size * 0.48, size * 0.36
    points = []
    teeth = 8
    for index in range(teeth * 4):
        angle = 2 * math.pi * index / (teeth * 4)
        radius = outer if index % 4 in (1, 2) else inner
        points.append((s(cx + radius * math.cos(angle)), s(cy + radius * math.sin(angle))))
    draw.polygon(points, fill=fill)
    draw.ellipse([s(cx - inner * 0.92), s(cy - inner * 0.92), s(cx + inner * 0.92), s(cy + inner * 0.92)], fill=fill)
    draw.ellipse([s(cx - size * 0.14), s(cy - size * 0.14), s(cx + size * 0.14), s(cy + size * 0.14)], fill=hole)


def play(draw, cx: float, cy: float, size: float, fill, mark=WHITE) -> None:
    w, h = size * 0.9, size * 0.62
    draw.rounded_rectangle([s(cx - w / 2), s(cy - h / 2), s(cx + w / 2), s(cy + h / 2)], radius=s(size * 0.1), fill=fill)
    t = size * 0.18
    draw.polygon([(s(cx - t * 0.8), s(cy - t)), (s(cx - t * 0.8), s(cy + t)), (s(cx + t * 1.1), s(cy))], fill=mark)


def window_grid(draw, cx: float, cy: float, size: float, fill, mark=WHITE) -> None:
    """An application: a window with a title bar and four tiles."""
    w, h = size * 0.9, size * 0.72
    left, top = cx - w / 2, cy - h / 2
    draw.rounded_rectangle([s(left), s(top), s(left + w), s(top + h)], radius=s(size * 0.07), fill=fill)
    draw.rectangle([s(left + w * 0.06), s(top + h * 0.25), s(left + w * 0.94), s(top + h * 0.9)], fill=mark)
    tile_w, tile_h = w * 0.38, h * 0.26
    for row in range(2):
        for col in range(2):
            x = left + w * (0.1 + col * 0.44)
            y = top + h * (0.31 + row * 0.3)
            draw.rounded_rectangle([s(x), s(y), s(x + tile_w), s(y + tile_h)], radius=s(size * 0.03), fill=fill)


def globe(draw, cx: float, cy: float, size: float, fill, line=WHITE) -> None:
    r = size * 0.45
    draw.ellipse([s(cx - r), s(cy - r), s(cx + r), s(cy + r)], fill=fill)
    width = s(size * 0.035)
    draw.ellipse([s(cx - r * 0.45), s(cy - r), s(cx + r * 0.45), s(cy + r)], outline=line, width=width)
    draw.line([s(cx), s(cy - r), s(cx), s(cy + r)], fill=line, width=width)
    draw.line([s(cx - r), s(cy), s(cx + r), s(cy)], fill=line, width=width)
    for dy in (-0.5, 0.5):
        half = r * math.sqrt(1 - dy * dy)
        draw.line([s(cx - half), s(cy + dy * r), s(cx + half), s(cy + dy * r)], fill=line, width=width)


def laptop(draw, cx: float, cy: float, size: float, fill, screen=SKY) -> None:
    w, h = size, size * 0.62
    left, top = cx - w * 0.4, cy - h / 2
    draw.rounded_rectangle([s(left), s(top), s(left + w * 0.8), s(top + h * 0.8)], radius=s(size * 0.04), fill=fill)
    draw.rectangle([s(left + w * 0.05), s(top + h * 0.07), s(left + w * 0.75), s(top + h * 0.72)], fill=screen)
    draw.rounded_rectangle([s(cx - w / 2), s(top + h * 0.82), s(cx + w / 2), s(top + h * 0.94)],
                           radius=s(size * 0.03), fill=fill)


def phone(draw, cx: float, cy: float, size: float, fill, screen=SKY) -> None:
    w, h = size * 0.5, size
    draw.rounded_rectangle([s(cx - w / 2), s(cy - h / 2), s(cx + w / 2), s(cy + h / 2)], radius=s(size * 0.08), fill=fill)
    draw.rectangle([s(cx - w * 0.4), s(cy - h * 0.4), s(cx + w * 0.4), s(cy + h * 0.36)], fill=screen)
    draw.ellipse([s(cx - size * 0.04), s(cy + h * 0.4), s(cx + size * 0.04), s(cy + h * 0.48)], fill=screen)


def server(draw, cx: float, cy: float, size: float, fill, light=GREEN) -> None:
    w, unit = size * 0.8, size * 0.3
    for index in range(3):
        top = cy - size / 2 + index * (unit + size * 0.05)
        draw.rounded_rectangle([s(cx - w / 2), s(top), s(cx + w / 2), s(top + unit)], radius=s(size * 0.04), fill=fill)
        draw.ellipse([s(cx + w * 0.3), s(top + unit * 0.35), s(cx + w * 0.38), s(top + unit * 0.35 + w * 0.08)], fill=light)
        draw.line([s(cx - w * 0.38), s(top + unit / 2), s(cx + w * 0.1), s(top + unit / 2)], fill=WHITE, width=s(size * 0.03))


def dashed(draw, start, end, colour, width: float, dash: float = 14, gap: float = 10) -> None:
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    steps = int(length // (dash + gap)) + 1
    for index in range(steps):
        a = index * (dash + gap) / length
        b = min(1.0, (index * (dash + gap) + dash) / length)
        if a >= 1:
            break
        draw.line([s(x0 + (x1 - x0) * a), s(y0 + (y1 - y0) * a), s(x0 + (x1 - x0) * b), s(y0 + (y1 - y0) * b)],
                  fill=colour, width=s(width))


def badge(draw, cx: float, cy: float, radius: float, fill, ring=None) -> None:
    draw.ellipse([s(cx - radius), s(cy - radius), s(cx + radius), s(cy + radius)], fill=fill)
    if ring:
        draw.ellipse([s(cx - radius), s(cy - radius), s(cx + radius), s(cy + radius)], outline=ring, width=s(radius * 0.06))


# -- the four pictures ---------------------------------------------------------------------

def draw_cover(path: Path) -> None:
    """The cover: a cloud serving a laptop, a phone and a server."""
    width, height = 1500, 1300
    image, draw = canvas(width, height)
    badge(draw, width / 2, height / 2, 640, PALE)
    devices = [(420, 960, laptop, 270), (750, 1000, phone, 210), (1080, 960, server, 250)]
    for x, y, _, _ in devices:
        dashed(draw, (width / 2, 560), (x, y - 150), BLUE, 9)
        draw.ellipse([s(x - 14), s(y - 164), s(x + 14), s(y - 136)], fill=BLUE)
    cloud(draw, width / 2, 430, 860, BLUE)
    for x, y, shape, size in devices:
        shape(draw, x, y, size, NAVY)
    finish(image, path)


def draw_schema(path: Path) -> None:
    """What the cloud serves: people and companies, and what it gives them."""
    width, height = 1800, 1200
    image, draw = canvas(width, height, (255, 255, 255, 255))
    cx, cy = width / 2, height / 2
    satellites = [
        ("Particuliers", person, NAVY), ("Entreprises", building, NAVY), ("Applications", window_grid, BLUE),
        ("Stockage", database, TEAL), ("Sites web", globe, GREEN), ("Streaming", play, RED),
        ("Logiciels", gear, PURPLE),
    ]
    label_font = font(44)
    positions = []
    for index, _ in enumerate(satellites):
        angle = -math.pi / 2 + 2 * math.pi * index / len(satellites)
        positions.append((cx + 680 * math.cos(angle), cy + 410 * math.sin(angle)))
    for x, y in positions:
        dashed(draw, (cx, cy), (x, y), (170, 190, 215), 7)
    cloud(draw, cx, cy + 20, 520, BLUE)
    title_font = font(58)
    draw.text((s(cx), s(cy + 60)), "Cloud", fill=WHITE, font=title_font, anchor="mm")
    for (label, shape, colour), (x, y) in zip(satellites, positions):
        badge(draw, x, y, 96, WHITE, ring=colour)
        shape(draw, x, y, 120, colour)
        draw.text((s(x), s(y + 134)), label, fill=NAVY, font=label_font, anchor="mm")
    finish(image, path)


def draw_team(path: Path) -> None:
    """A company: its building and three colleagues."""
    size = 900
    image, draw = canvas(size, size)
    badge(draw, size / 2, size / 2, 440, SKY)
    building(draw, size / 2 + 150, 330, 380, BLUE)
    person(draw, 250, 600, 250, ORANGE)
    person(draw, 610, 610, 240, GREEN)
    person(draw, 430, 630, 300, NAVY)
    finish(image, path)


def draw_employee(path: Path) -> None:
    """A private person at a laptop."""
    size = 900
    image, draw = canvas(size, size)
    badge(draw, size / 2, size / 2, 440, SKY)
    cloud(draw, 640, 250, 300, BLUE)
    person(draw, 380, 450, 380, NAVY)
    laptop(draw, 430, 690, 420, ORANGE, screen=WHITE)
    finish(image, path)


def main(argv: list[str] | None = None) -> int:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    draw_cover(out / "cloud.png")
    draw_schema(out / "ccschema.png")
    draw_team(out / "team.png")
    draw_employee(out / "employee2.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
