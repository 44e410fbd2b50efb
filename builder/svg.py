"""SVG pictures: checked, measured and drawn as a PNG for readers that do not show SVG.

PowerPoint shows an SVG natively (`asvg:svgBlip`, its own extension) and keeps a PNG beside it
for older readers and LibreOffice; the PNG is drawn by resvg (resvg_py: a wheel from the package
index with no system libraries) at the size the picture is shown.

An SVG is refused, with the reason, when it declares a DTD or entities (billion laughs, XXE),
refers to anything outside itself (a linked picture, a stylesheet, a font: `href`s and `url(…)`s
other than `#id` and `data:`), holds more than MAX_ELEMENTS elements, or declares a size beyond
MAX_SIDE pixels: the drawing is never sent to a renderer that would fetch or expand it.
"""
from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass

MAX_ELEMENTS = 100_000
MAX_SIDE = 20_000  # CSS pixels
MAX_INFLATED = 20_000_000  # bytes of an .svgz once decompressed
DEFAULT_SIZE = (300.0, 150.0)  # CSS's size of a replaced element that gives none
UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4,
         "q": 96 / 101.6, "em": 16.0, "ex": 8.0}
LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?\d+)?)\s*([a-zA-Z]*)\s*$")
URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.I)
INTERNAL = ("#", "data:")


class SvgRefused(Exception):
    """The SVG cannot be used; the message says why."""


@dataclass(frozen=True)
class Drawing:
    """A checked SVG: its text and its size in CSS pixels."""

    svg: bytes
    width: float
    height: float


def _length(value: str | None) -> float | None:
    match = LENGTH.match(value or "")
    if not match or match.group(2).lower() not in UNITS:
        return None  # a percentage, or nothing: the viewBox decides
    return float(match.group(1)) * UNITS[match.group(2).lower()]


def _external(element) -> str | None:
    """The first reference of `element` to something outside the drawing; None when there is none."""
    for name, value in element.attrib.items():
        if name.rsplit("}", 1)[-1] == "href" and not value.strip().startswith(INTERNAL):
            return value.strip()
        for url in URL.findall(value):
            if url and not url.startswith(INTERNAL):
                return url
    if element.tag.rsplit("}", 1)[-1] == "style" and element.text:
        imports = re.search(r"@import\s+['\"]?([^'\";\s]+)", element.text)
        if imports:
            return imports.group(1)
        for url in URL.findall(element.text):
            if url and not url.startswith(INTERNAL):
                return url
    return None


def read_svg(data: bytes) -> Drawing:
    """`data` (an .svg or .svgz file) checked and measured. Raises SvgRefused."""
    from lxml import etree

    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
                data = unzipped.read(MAX_INFLATED + 1)
        except (OSError, EOFError) as error:
            raise SvgRefused(f"is a damaged .svgz ({error})") from None
        if len(data) > MAX_INFLATED:
            raise SvgRefused(f"inflates to more than {MAX_INFLATED:,} bytes")
    if re.search(rb"<!DOCTYPE|<!ENTITY", data[:65536], re.I):
        raise SvgRefused("declares a DTD or entities, which are not read")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise SvgRefused(f"is not well-formed XML ({error})") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise SvgRefused("is not an SVG drawing")
    for count, element in enumerate(root.iter(), start=1):
        if count > MAX_ELEMENTS:
            raise SvgRefused(f"has more than {MAX_ELEMENTS:,} elements")
        if not isinstance(element.tag, str):
            continue
        found = _external(element)
        if found is not None:
            raise SvgRefused(f"refers to {found[:80]!r} outside itself, which is not fetched")
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = [float(part) for part in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if part][:4] \
        if re.fullmatch(r"[\s,0-9.eE+-]*", root.get("viewBox", "")) else []
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        if width is None and height is None:
            width, height = box[2], box[3]
        elif width is None:
            width = height * box[2] / box[3]
        elif height is None:
            height = width * box[3] / box[2]
    width, height = width or DEFAULT_SIZE[0], height or DEFAULT_SIZE[1]
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise SvgRefused(f"declares a size of {width:g}×{height:g} pixels (at most {MAX_SIDE:,} a side)")
    return Drawing(etree.tostring(root, xml_declaration=True, encoding="UTF-8"), width, height)


def rasterise(svg: bytes, width: int, height: int) -> bytes:
    """`svg` (checked by read_svg) drawn as a PNG of `width` × `height` pixels. Raises SvgRefused."""
    import resvg_py

    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), width=max(1, width),
                                           height=max(1, height)))
    except (ValueError, UnicodeDecodeError) as error:
        raise SvgRefused(f"cannot be drawn ({error})") from None
