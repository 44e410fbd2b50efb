"""Pictures stored no larger than they are shown: at most twice their largest displayed size on a
1920-pixel-wide screen (sharp on a high-density display, without carrying a camera's 12 megapixels
into every copy of the deck). Never enlarged, except the PNG of a vector drawing, drawn again at
the size it is shown."""
from __future__ import annotations

import io
from dataclasses import replace

from .geometry import SCREEN_PX
from .images import Picture
from .placed import PictureFrame, PlacedDeck

MOST = 2.0  # stored pixels per displayed pixel, at most
WORTH_IT = 0.8  # resample only when it removes at least a fifth of the width
JPEG_QUALITY = 85  # a photo's difference at this quality does not show on a projected slide
PHOTO_COLOURS = 4096  # more distinct colours than this in a 256-px thumbnail: a photo, not line art
MOST_DRAWN_SIDE = 3840  # pixels: a drawing's PNG at most, however large it is shown
LARGE_PNG = 256_000  # bytes: a PNG this large may be a photo that JPEG stores in a fraction


def _needed(frame: PictureFrame, slide_w: int) -> tuple[float, float]:
    """Pixels the picture needs across and down for `frame` (its crop shows only part of it)."""
    left, top, right, bottom = frame.crop
    scale = SCREEN_PX / slide_w
    return (MOST * frame.box.w * scale / max(1.0 - left - right, 0.01),
            MOST * frame.box.h * scale / max(1.0 - top - bottom, 0.01))


def _is_photo(image) -> bool:
    """Opaque and of many colours: a photo, which JPEG stores without a visible difference."""
    if "A" in image.getbands() or image.mode in ("P", "1"):
        return False  # transparency and palettes are drawings: PNG keeps their edges exact
    from PIL import Image as PILImage

    sample = image.resize((min(256, image.width), min(256, image.height)), PILImage.Resampling.NEAREST)
    return sample.getcolors(PHOTO_COLOURS) is None


def _resampled(picture: Picture, width: int, height: int) -> Picture:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(picture.data)) as opened:
        if opened.format == "JPEG":
            opened.draft("RGB", (width, height))  # decode at the smallest scale still as large as asked
        image = opened.convert("RGBA" if "A" in opened.getbands() or "transparency" in opened.info else "RGB")
    same_size = (width, height) == (picture.width, picture.height)
    photo = picture.ext == "jpeg" or _is_photo(image)
    if same_size and not (photo and picture.ext == "png"):
        return picture  # only a photo kept as PNG gains from being stored again at its size
    smaller = image if same_size else image.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    if photo:
        smaller.convert("RGB").save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        ext = "jpeg"
    else:
        smaller.save(out, format="PNG", optimize=True)
        ext = "png"
    if out.tell() >= len(picture.data):
        return picture  # nothing gained: keep the original bytes
    return replace(picture, data=out.getvalue(), ext=ext, width=width, height=height)


def _drawn(picture: Picture, across: float, down: float) -> Picture:
    from .svg import SvgRefused, rasterise

    scale = min(max(across / picture.width, down / picture.height), MOST_DRAWN_SIDE / max(picture.width, picture.height))
    width, height = max(1, round(picture.width * scale)), max(1, round(picture.height * scale))
    try:
        return replace(picture, data=rasterise(picture.svg, width, height))
    except SvgRefused:
        return picture  # the first PNG, drawn when it was read, stays


def resample(deck: PlacedDeck, slide_w: int) -> PlacedDeck:
    """`deck` with each picture stored at most MOST times the largest size it is shown at."""
    needed: dict[str, tuple[float, float]] = {}
    pictures: dict[str, Picture] = {}
    for slide in deck.slides:
        for frame in slide.frames:
            if isinstance(frame, PictureFrame):
                across, down = _needed(frame, slide_w)
                seen = needed.get(frame.picture.src, (0.0, 0.0))
                needed[frame.picture.src] = (max(across, seen[0]), max(down, seen[1]))
                pictures[frame.picture.src] = frame.picture
    smaller: dict[str, Picture] = {}
    for src, picture in pictures.items():
        across, down = needed[src]
        if picture.svg is not None:  # a drawing's PNG is drawn again at the size it is shown
            smaller[src] = _drawn(picture, across, down)
            continue
        scale = max(across / picture.width, down / picture.height)  # enough pixels in both directions
        if scale < WORTH_IT:
            width, height = max(1, round(picture.width * scale)), max(1, round(picture.height * scale))
            smaller[src] = _resampled(picture, width, height)
        elif picture.ext == "png" and len(picture.data) > LARGE_PNG:
            smaller[src] = _resampled(picture, picture.width, picture.height)
    if not smaller:
        return deck
    slides = tuple(replace(slide, frames=tuple(
        replace(frame, picture=smaller[frame.picture.src])
        if isinstance(frame, PictureFrame) and frame.picture.src in smaller else frame
        for frame in slide.frames)) for slide in deck.slides)
    return replace(deck, slides=slides)
