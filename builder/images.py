"""Load the pictures a deck asks for: resolve each path, read its size, convert what
PowerPoint cannot embed. A picture that cannot be had becomes a warning, never an exception."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from .access import Access, Refused, read_picture
from .diagnostics import Diagnostics
from .media import media_extension
from .model import Deck, Image, blocks_of

EMBEDDABLE = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif"}  # kept byte for byte
EXIF_ORIENTATION = 0x0112
# Formats Pillow decodes by itself. EPS, PostScript and PDF are not among them: Pillow hands them
# to Ghostscript, an interpreter that can read and write any file; nor is any plugin that runs a
# program of its own.
DECODED = ("PNG", "JPEG", "GIF", "BMP", "DIB", "TIFF", "WEBP", "ICO", "PPM", "TGA", "PCX", "QOI")


@dataclass(frozen=True)
class Picture:
    """A picture ready to embed: its bytes in a format PowerPoint reads, and its size in pixels."""

    src: str
    data: bytes
    ext: str
    width: int
    height: int
    svg: bytes | None = None  # a vector drawing's SVG (`data` is then its PNG for other readers)
    media: bytes | None = None  # a video's or audio's file (`data` is then its poster); None: a picture
    media_ext: str | None = None  # its extension (builder.media.MEDIA); None: not media

    @property
    def digest(self) -> str:
        return hashlib.sha1(self.data).hexdigest()


@dataclass(frozen=True)
class MissingPicture:
    """A picture that could not be loaded; `reason` says why, for the placeholder frame."""

    src: str
    reason: str


def _encode(image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, format="JPEG", quality=92)
    else:
        image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _as_png(image):
    """`image` in a mode PNG holds (keeps transparency and line art exact)."""
    if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    return image


def _is_svg(src: str, data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return src.lower().split("?")[0].endswith((".svg", ".svgz")) or head.startswith(b"<svg") or \
        (head.startswith(b"<?xml") and b"<svg" in data[:4096].lower())


def _decode(data: bytes, src: str, line: int, access: Access, report: Diagnostics) -> tuple[bytes, str, int, int]:
    """The picture as PowerPoint can embed it, and its size. Pixels are counted from the
    header before anything is decoded: a small file may declare a huge image."""
    from PIL import Image as PILImage

    pillow_limit = PILImage.MAX_IMAGE_PIXELS
    PILImage.MAX_IMAGE_PIXELS = None  # our own limit decides, below, with a message that says so
    try:
        with PILImage.open(io.BytesIO(data), formats=DECODED) as opened:
            return _decoded(opened, data, src, line, access, report)
    finally:
        PILImage.MAX_IMAGE_PIXELS = pillow_limit


def _decoded(opened, data: bytes, src: str, line: int, access: Access, report: Diagnostics):
    from PIL import ImageOps

    width, height = opened.size
    if width * height > access.max_pixels:
        raise Refused("image-too-large", f"picture {src} declares {width}×{height} pixels, more than "
                      f"{access.max_pixels:,} (--max-pixels); it is not decoded; a placeholder is shown",
                      "too many pixels")
    fmt = opened.format
    if fmt == "JPEG" and opened.getexif().get(EXIF_ORIENTATION, 1) != 1:
        upright = ImageOps.exif_transpose(opened)  # PowerPoint ignores EXIF rotation: turn the pixels
        return _encode(upright.convert("RGB") if upright.mode == "CMYK" else upright, "JPEG"), "jpeg", *upright.size
    if fmt == "JPEG" and opened.mode == "CMYK":  # viewers disagree on CMYK: give them RGB
        return _encode(opened.convert("RGB"), "JPEG"), "jpeg", width, height
    if fmt == "GIF" and getattr(opened, "n_frames", 1) > 1:
        report.info(line, "image-animated", f"picture {src} is animated; its first frame is shown")
        opened.seek(0)
        return _encode(_as_png(opened.convert("RGBA")), "PNG"), "png", width, height
    if fmt in EMBEDDABLE:
        # a truncated or corrupt file fails here, not in the viewer (verify reads PNG and GIF
        # without decoding their pixels; a JPEG must be decoded to be checked)
        if fmt == "JPEG":  # decoded at an eighth of its size: every byte is still read
            opened.draft(opened.mode, (max(1, width // 8), max(1, height // 8)))
            opened.load()
        else:
            opened.verify()
        return data, EMBEDDABLE[fmt], width, height
    opened.seek(0)
    return _encode(_as_png(opened), "PNG"), "png", width, height


def load_picture(image: Image, folder: Path, report: Diagnostics, access: Access = Access()) -> Picture | MissingPicture:
    """The picture `image.src` names, relative to `folder` (the Markdown file's folder), read
    as `access` allows."""
    from PIL import Image as PILImage, UnidentifiedImageError

    src = image.src.strip()
    try:
        if not src:
            raise Refused("image", "picture with an empty path; a placeholder is shown", "empty path")
        data = read_picture(src, folder, access)
        if not data:
            raise Refused("image-unreadable", f"picture {src} is an empty file; a placeholder is shown", "empty file")
        if _is_svg(src, data):
            return _drawing(src, data)
        extension = media_extension(src)
        if extension is not None:
            from .media import MEDIA, poster
            png, width, height = poster(Path(src).name, MEDIA[extension][0])
            return Picture(src=src, data=png, ext="png", width=width, height=height, media=data, media_ext=extension)
        try:
            data, ext, width, height = _decode(data, src, image.line, access, report)
        except PILImage.DecompressionBombError:
            raise Refused("image-too-large", f"picture {src} has too many pixels to open safely; a placeholder "
                          "is shown", "too many pixels") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            raise Refused("image-unreadable", f"picture {src} is not an image Pillow can read "
                          f"({type(error).__name__}); a placeholder is shown", "not a readable image") from None
        if width <= 0 or height <= 0:
            raise Refused("image-unreadable", f"picture {src} has no pixels; a placeholder is shown", "empty image")
    except Refused as refused:
        report.warn(image.line, refused.code, str(refused))
        return MissingPicture(src, refused.reason)
    return Picture(src=src, data=data, ext=ext, width=width, height=height)


PREVIEW_SIDE = 1920  # pixels: the PNG of a drawing before it is drawn again at the size it is shown


def _drawing(src: str, data: bytes) -> Picture:
    """An SVG picture, with a first PNG of it. Raises Refused."""
    from .svg import SvgRefused, rasterise, read_svg

    try:
        drawing = read_svg(data)
        scale = min(1.0, PREVIEW_SIDE / max(drawing.width, drawing.height))
        width, height = max(1, round(drawing.width * scale)), max(1, round(drawing.height * scale))
        png = rasterise(drawing.svg, width, height)
    except SvgRefused as refused:
        raise Refused("image-svg", f"picture {src} {refused}; a placeholder is shown", "SVG refused") from None
    return Picture(src=src, data=png, ext="png", width=max(1, round(drawing.width)),
                   height=max(1, round(drawing.height)), svg=drawing.svg)


def images_of(blocks):
    """Every Image among `blocks`, columns included, in order."""
    return blocks_of(blocks, Image)


def load_pictures(deck: Deck, folder: Path, report: Diagnostics,
                  access: Access = Access()) -> dict[str, Picture | MissingPicture]:
    """Every picture of the deck by its `src`, each loaded once."""
    found: dict[str, Picture | MissingPicture] = {}
    for slide in deck.slides:
        for image in images_of(slide.blocks + ((slide.background,) if slide.background else ())):
            if image.src not in found and image.diagram is None and image.chart is None:  # drawn, not read
                found[image.src] = load_picture(image, folder, report, access)
    return found
