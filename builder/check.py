"""`deck check`: what a build would warn about (pictures missing or without alt text, unknown
directives, low contrast, …) and what would spoil the deck in the room (crowded slides, slides
that will be continued, pictures too small for their place), without writing a deck."""
from __future__ import annotations

from pathlib import Path

from .diagnostics import BuildError, Diagnostic
from .geometry import SCREEN_PX
from .images import Picture
from .model import Paragraph
from .placed import PictureFrame

MOST_BULLETS = 7  # more on one slide and the room reads instead of listening
SMALL_PX = 320  # a picture shown narrower than this on a 1920-px screen, for want of pixels, looks lost


def check(source: Path, **options) -> list[Diagnostic]:
    """Every message about `source`, in the order of its lines (`options` are pipeline.prepare's)."""
    from .pipeline import prepare

    try:
        ready = prepare(source, **options)
    except BuildError as error:
        return [error.diagnostic]
    report = ready.report
    for item in list(report.items):  # what the builder does on purpose still deserves a look here
        if item.code == "continued":
            report.warn(item.line, "continued", item.message)
    for slide in ready.deck.slides:
        bullets = [b for b in slide.blocks if isinstance(b, Paragraph) and b.kind in ("bullet", "number")]
        if len(bullets) > MOST_BULLETS:
            report.warn(slide.line, "crowded", f"slide {slide.title_text!r} has {len(bullets)} bullets; "
                        f"{MOST_BULLETS} or fewer read better")
    slide_w = ready.info.slide_w
    for placed in ready.placed.slides:
        for frame in placed.frames:
            if isinstance(frame, PictureFrame) and isinstance(frame.picture, Picture) and not frame.background:
                shown = frame.box.w * SCREEN_PX / slide_w
                if shown < SMALL_PX and frame.picture.width * 2 <= shown + 2:
                    report.warn(placed.line, "image-small", f"picture {frame.picture.src} is {frame.picture.width}×"
                                f"{frame.picture.height} pixels: it is shown small so as not to blur; a larger "
                                "one would fill its place")
    items = [item for item in report.items if item.level != "info"]
    return sorted(items, key=lambda item: (item.line or 0))
