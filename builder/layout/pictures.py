"""Place pictures: scaled into their cell with the aspect ratio kept, never shown at more than
twice their pixel size on a 1920-pixel-wide screen, several in a grid, a caption under each
that has a title, size hints honoured within the space there is."""
from __future__ import annotations

import math
import re

from ..geometry import EMU_PER_PT, SCREEN_PX, Box
from ..images import MissingPicture, Picture
from ..model import Image, Run
from ..placed import ChartFrame, ChartPicture, DiagramFrame, Drawing, PictureFrame, PlacedParagraph, PlaceholderFrame, TextFrame

MAX_UPSCALE = 2.0 * 0.999  # a hair under 2x, so that no viewer's rounding lands above it
GAP = 12 * EMU_PER_PT
PLACEHOLDER_PT = 18.0
UNITS = {"": 9525, "px": 9525, "pt": EMU_PER_PT, "in": 914400, "cm": 360000, "mm": 36000}  # px at 96 dpi
LARGEST_DIAGRAM_PT = 28.0  # a diagram is not drawn larger than this size of its text
LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%|px|pt|in|cm|mm)?\s*$")


def length(value: str | None, whole: int) -> int | None:
    """A size hint in EMU: "40%" of `whole`, "300px" or "300" (pixels at 96 dpi, which is also
    Marp's 1280-pixel-wide slide), "3in", "2cm", "20mm", "100pt"; None when unreadable."""
    match = LENGTH.match(value or "")
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2) or ""
    return round(whole * number / 100) if unit == "%" else round(number * UNITS[unit])


def largest_width(picture: Picture, slide_w: int) -> float:
    """The widest a picture may be shown: MAX_UPSCALE times its pixels on a SCREEN_PX screen; a
    vector drawing (SVG) as wide as the slide, for it is sharp at any size; a diagram as wide as
    its text at LARGEST_DIAGRAM_PT makes it."""
    if isinstance(picture, Drawing):
        return picture.width * LARGEST_DIAGRAM_PT / Drawing.NATURAL_PT
    if isinstance(picture, ChartPicture):
        return float(slide_w)
    if picture.svg is not None:
        return float(slide_w)
    return MAX_UPSCALE * picture.width * slide_w / SCREEN_PX


def fit(picture: Picture, cell: Box, slide_w: int, image: Image | None = None, whole: Box | None = None) -> Box:
    """The picture's box inside `cell`, centred: as large as the cell allows, or as its size
    hints ask (a percentage is of `whole`, the content area), never above its pixel limit."""
    scale = math.inf
    if image is not None and (image.width or image.height):
        whole = whole or cell
        wanted_w, wanted_h = length(image.width, whole.w), length(image.height, whole.h)
        if wanted_w:
            scale = wanted_w / picture.width
        if wanted_h:
            scale = min(scale, wanted_h / picture.height)
    scale = min(scale, cell.w / picture.width, cell.h / picture.height, largest_width(picture, slide_w) / picture.width)
    w, h = max(1, int(picture.width * scale)), max(1, int(picture.height * scale))
    return Box(cell.x + (cell.w - w) // 2, cell.y + (cell.h - h) // 2, w, h)


def shown(picture) -> bool:
    """Whether `picture` (a Picture, a Drawing or a MissingPicture) can be shown."""
    return isinstance(picture, (Picture, Drawing, ChartPicture))


def frame_of(box: Box, picture, image: Image) -> PictureFrame | DiagramFrame:
    """The frame showing `picture` (a Picture or a Drawing) in `box`."""
    alt = image.alt or image.title or ""
    if isinstance(picture, ChartPicture):
        return ChartFrame(box=box, chart=picture.chart, alt=alt)
    if isinstance(picture, Drawing):
        return DiagramFrame(box=box, drawing=picture, alt=f"{alt}: {picture.description}" if alt else picture.description)
    return PictureFrame(box=box, picture=picture, alt=alt)


def placeholder(missing: MissingPicture, cell: Box) -> PlaceholderFrame:
    """A frame filling `cell` that names the missing picture, so that nobody presents the gap."""
    lines = (f"Missing picture: {missing.src}", f"({missing.reason})")
    paragraphs = tuple(PlacedParagraph(runs=(Run(text),), size=PLACEHOLDER_PT, align="ctr", colour="C00000")
                       for text in lines)
    return PlaceholderFrame(box=cell, missing=missing, paragraphs=paragraphs)


def _shape(rows: int, cols: int, count: int, area: Box) -> list[Box]:
    cell_w = (area.w - GAP * (cols - 1)) // cols
    cell_h = (area.h - GAP * (rows - 1)) // rows
    cells = []
    for index in range(count):
        row, col = divmod(index, cols)
        in_row = min(cols, count - row * cols)
        offset = (area.w - (in_row * cell_w + (in_row - 1) * GAP)) // 2  # a short last row is centred
        cells.append(Box(area.x + offset + col * (cell_w + GAP), area.y + row * (cell_h + GAP), cell_w, cell_h))
    return cells


def grid(images: list[Image], area: Box, pictures: dict, slide_w: int, caption, whole: Box | None = None) -> list:
    """Frames for `images` in the grid (rows × columns) that shows them largest in `area`.

    `caption(text, width)` gives (height, paragraphs) of a caption set `width` EMU wide."""
    if not images:
        return []
    best, best_area = None, -1.0
    for cols in range(1, len(images) + 1):
        rows = math.ceil(len(images) / cols)
        cells = _shape(rows, cols, len(images), area)
        shown = sum(_picture_area(image, cell, pictures, slide_w, caption, whole) for image, cell in zip(images, cells))
        if shown > best_area * 1.001:
            best, best_area = cells, shown
    frames = []
    for image, cell in zip(images, best):
        frames.extend(_place(image, cell, pictures, slide_w, caption, whole))
    return frames


def _split_caption(image: Image, cell: Box, caption) -> tuple[Box, tuple | None, int]:
    if not image.title:
        return cell, None, 0
    height, paragraphs = caption(image.title, cell.w)
    height = min(height, cell.h // 2)
    return cell.with_(h=cell.h - height), paragraphs, height


def _picture_area(image, cell, pictures, slide_w, caption, whole) -> float:
    picture = pictures.get(image.src)
    if not shown(picture):
        return cell.w * cell.h * 0.25
    room, _, _ = _split_caption(image, cell, caption)
    box = fit(picture, room, slide_w, image, whole)
    return float(box.w) * box.h


def _place(image: Image, cell: Box, pictures: dict, slide_w: int, caption, whole) -> list:
    picture = pictures.get(image.src)
    if not shown(picture):
        return [placeholder(picture or MissingPicture(image.src, "not loaded"), cell)]
    room, paragraphs, height = _split_caption(image, cell, caption)
    box = fit(picture, room, slide_w, image, whole)
    frames = [frame_of(box, picture, image)]
    if paragraphs:
        frames.append(TextFrame(role="text", box=Box(cell.x, box.bottom, cell.w, height), paragraphs=paragraphs))
    return frames


LOGO_MOST_IN = 0.75  # a logo's height at most, in inches: a mark, not a picture


def logo_beside(title: Box, logo: Picture, slide_w: int) -> tuple[Box, PictureFrame]:
    """The title box narrowed to leave its right end to the logo, and the logo there: no title
    can run under it, and it sits clear of the body."""
    cell = Box(title.x + title.w * 3 // 4, title.y, title.w // 4, min(title.h * 7 // 10, int(LOGO_MOST_IN * 914400)))
    box = fit(logo, cell, slide_w)
    box = box.with_(x=title.right - box.w, y=title.y + (title.h - box.h) // 2)
    return title.with_(w=box.x - title.x - GAP), PictureFrame(box=box, picture=logo, alt="Logo")
