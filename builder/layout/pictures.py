"""Place pictures: scaled into their box with the aspect ratio kept, never shown at more than
twice their pixel size on a 1920-pixel-wide screen, stacked when there are several."""
from __future__ import annotations

from ..geometry import EMU_PER_PT, Box
from ..images import MissingPicture, Picture
from ..model import Image, Run
from ..placed import PictureFrame, PlacedParagraph, PlaceholderFrame

SCREEN_PX = 1920
MAX_UPSCALE = 2.0 * 0.999  # a hair under 2x, so that no viewer's rounding lands above it
GAP = 12 * EMU_PER_PT
PLACEHOLDER_PT = 18.0


def fit(picture: Picture, cell: Box, slide_w: int) -> Box:
    """The largest box inside `cell` with the picture's aspect ratio, centred, and no wider
    than MAX_UPSCALE times its pixels would be on a SCREEN_PX-wide screen."""
    most = MAX_UPSCALE * picture.width * slide_w / SCREEN_PX  # EMU
    scale = min(cell.w / picture.width, cell.h / picture.height, most / picture.width)
    w, h = max(1, int(picture.width * scale)), max(1, int(picture.height * scale))
    return Box(cell.x + (cell.w - w) // 2, cell.y + (cell.h - h) // 2, w, h)


def placeholder(missing: MissingPicture, cell: Box) -> PlaceholderFrame:
    """A frame filling `cell` that names the missing picture, so that nobody presents the gap."""
    box = cell
    lines = (f"Missing picture: {missing.src}", f"({missing.reason})")
    paragraphs = tuple(PlacedParagraph(runs=(Run(text),), size=PLACEHOLDER_PT, align="ctr", colour="C00000")
                       for text in lines)
    return PlaceholderFrame(box=box, missing=missing, paragraphs=paragraphs)


def stack(images: list[Image], area: Box, pictures: dict, slide_w: int) -> list:
    """Frames for `images` one above the other in `area`, each given an equal share of its height."""
    if not images:
        return []
    share = (area.h - GAP * (len(images) - 1)) // len(images)
    frames = []
    for index, image in enumerate(images):
        cell = Box(area.x, area.y + index * (share + GAP), area.w, share)
        picture = pictures.get(image.src)
        if isinstance(picture, Picture):
            frames.append(PictureFrame(box=fit(picture, cell, slide_w), picture=picture, alt=image.alt))
        else:
            frames.append(placeholder(picture or MissingPicture(image.src, "not loaded"), cell))
    return frames
