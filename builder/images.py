"""Load the pictures a deck asks for: resolve each path, read its size, convert what
PowerPoint cannot embed. A picture that cannot be had becomes a warning, never an exception."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics
from .model import Columns, Deck, Image

EMBEDDABLE = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif"}  # kept byte for byte
REMOTE = ("http://", "https://", "ftp://", "//")


@dataclass(frozen=True)
class Picture:
    """A picture ready to embed: its bytes in a format PowerPoint reads, and its size in pixels."""

    src: str
    data: bytes
    ext: str
    width: int
    height: int

    @property
    def digest(self) -> str:
        return hashlib.sha1(self.data).hexdigest()


@dataclass(frozen=True)
class MissingPicture:
    """A picture that could not be loaded; `reason` says why, for the placeholder frame."""

    src: str
    reason: str


def _convert(image, src: str) -> tuple[bytes, str]:
    """Re-encode as PNG (keeps transparency and line art exact)."""
    from PIL import Image as PILImage

    if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue(), "png"


def load_picture(image: Image, folder: Path, report: Diagnostics) -> Picture | MissingPicture:
    """The picture `image.src` names, relative to `folder` (the Markdown file's folder)."""
    from PIL import Image as PILImage, ImageOps, UnidentifiedImageError

    src = image.src.strip()
    if not src:
        report.warn(image.line, "image", "picture with an empty path; a placeholder is shown")
        return MissingPicture(src, "empty path")
    if src.lower().startswith(REMOTE):
        report.warn(image.line, "image-remote", f"picture {src} is on the web and is not fetched; a placeholder is shown")
        return MissingPicture(src, "not fetched from the web")
    path = (folder / src).resolve() if not Path(src).is_absolute() else Path(src)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        report.warn(image.line, "image-missing", f"picture {src} not found; a placeholder is shown")
        return MissingPicture(src, "not found")
    except OSError as error:
        report.warn(image.line, "image-unreadable", f"picture {src} cannot be read ({error.strerror}); a placeholder is shown")
        return MissingPicture(src, "cannot be read")
    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            fmt = opened.format
            upright = ImageOps.exif_transpose(opened) if fmt == "JPEG" and opened.getexif().get(0x0112, 1) != 1 else None
            if upright is not None:  # shown as the camera held it: PowerPoint ignores EXIF rotation
                out = io.BytesIO()
                upright.save(out, format="JPEG", quality=92)
                data, ext, (width, height) = out.getvalue(), "jpeg", upright.size
            elif fmt in EMBEDDABLE:
                opened.verify() if fmt != "JPEG" else opened.load()
                ext, (width, height) = EMBEDDABLE[fmt], opened.size
            else:
                opened.seek(0)
                data, ext = _convert(opened, src)
                width, height = opened.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        report.warn(image.line, "image-unreadable", f"picture {src} is not an image Pillow can read "
                    f"({type(error).__name__}); a placeholder is shown")
        return MissingPicture(src, "not a readable image")
    except PILImage.DecompressionBombError:
        report.warn(image.line, "image-too-large", f"picture {src} has too many pixels to open safely; a placeholder is shown")
        return MissingPicture(src, "too many pixels")
    if width <= 0 or height <= 0:
        report.warn(image.line, "image-unreadable", f"picture {src} has no pixels; a placeholder is shown")
        return MissingPicture(src, "empty image")
    return Picture(src=src, data=data, ext=ext, width=width, height=height)


def images_of(blocks):
    """Every Image among `blocks`, columns included, in order."""
    for block in blocks:
        if isinstance(block, Image):
            yield block
        elif isinstance(block, Columns):
            for column in block.columns:
                yield from images_of(column.blocks)


def load_pictures(deck: Deck, folder: Path, report: Diagnostics) -> dict[str, Picture | MissingPicture]:
    """Every picture of the deck by its `src`, each loaded once."""
    found: dict[str, Picture | MissingPicture] = {}
    for slide in deck.slides:
        for image in images_of(slide.blocks + ((slide.background,) if slide.background else ())):
            if image.src not in found:
                found[image.src] = load_picture(image, folder, report)
    return found
