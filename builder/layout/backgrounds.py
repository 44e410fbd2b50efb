"""Slide backgrounds: a picture covering the slide (or its left or right part), cropped to fill
but never shown above twice its pixels; a panel behind the text so it stays readable; text in
white on a dark fill."""
from __future__ import annotations

from dataclasses import dataclass

from ..colour import luminance
from ..geometry import EMU_PER_PT, Box
from ..images import Picture
from ..model import Image
from ..placed import Panel, PictureFrame
from .pictures import largest_width

PANEL_MARGIN = 8 * EMU_PER_PT
DARK = 0.4  # relative luminance below which text is set in white


@dataclass(frozen=True)
class Backdrop:
    """What a background leaves for the content: `frames` to draw behind it, and the part of
    the slide (`region`) the content may use; `panel` says text needs a panel behind it."""

    frames: tuple = ()
    region: Box | None = None
    panel: bool = False


def covering(picture: Picture, region: Box, slide_w: int, alt: str) -> PictureFrame | None:
    """The picture filling `region`, cropped evenly; None when that would show it above its limit."""
    scale = max(region.w / picture.width, region.h / picture.height)
    if scale * picture.width > largest_width(picture, slide_w):
        return None
    shown_w, shown_h = picture.width * scale, picture.height * scale
    side = (shown_w - region.w) / shown_w / 2
    top = (shown_h - region.h) / shown_h / 2
    return PictureFrame(box=region, picture=picture, alt=alt, crop=(side, top, side, top), background=True)


def backdrop(image: Image | None, picture, slide_w: int, slide_h: int, report) -> Backdrop:
    """The background of one slide; an unusable picture is reported and left out."""
    if image is None or not isinstance(picture, Picture):
        return Backdrop()
    alt = image.alt or "Background picture"
    whole = Box(0, 0, slide_w, slide_h)
    if image.background == "full":
        frame = covering(picture, whole, slide_w, alt) if image.fit == "cover" else None
        if frame is None:
            return Backdrop()  # the caller shows it as a picture in the content instead
        return Backdrop(frames=(frame,), region=whole, panel=True)
    share = image.share if image.share and 0.05 <= image.share <= 0.95 else 0.5
    width = round(slide_w * share)
    left = image.background == "left"
    side = Box(0 if left else slide_w - width, 0, width, slide_h)
    rest = Box(width if left else 0, 0, slide_w - width, slide_h)
    frame = covering(picture, side, slide_w, alt) if image.fit == "cover" else None
    if frame is None:
        from .pictures import fit
        frame = PictureFrame(box=fit(picture, side, slide_w), picture=picture, alt=alt, background=True)
    return Backdrop(frames=(frame,), region=rest)


def panel_behind(boxes: list[Box]) -> Panel:
    x0 = min(box.x for box in boxes) - PANEL_MARGIN
    y0 = min(box.y for box in boxes) - PANEL_MARGIN
    x1 = max(box.right for box in boxes) + PANEL_MARGIN
    y1 = max(box.bottom for box in boxes) + PANEL_MARGIN
    return Panel(box=Box(x0, y0, x1 - x0, y1 - y0))


def text_colour_on(fill: str | None) -> str | None:
    """White for text on a dark fill; None (the template's colour) otherwise."""
    if not fill:
        return None
    return "FFFFFF" if luminance(fill) < DARK else None
