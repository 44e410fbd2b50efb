"""Picture size and placement hints: pandoc's `{width=40%}`, HTML's `width=300`, and Marp's
keywords in the alt text (`w:300`, `h:200`, `bg`, `bg left:40%`, `contain`)."""
from __future__ import annotations

import html
import re

from ..model import Image

SIZE = re.compile(r"^(w|h|width|height):(\S+)$")
SIDE = re.compile(r"^(left|right)(?::(\d+(?:\.\d+)?)%)?$")
FITS = {"contain": "contain", "fit": "contain", "cover": "cover", "auto": "contain"}
FILTERS = {"blur", "brightness", "contrast", "drop-shadow", "grayscale", "hue-rotate", "invert", "opacity",
           "saturate", "sepia", "vertical"}
IMG_ATTR = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def read_marp_alt(alt: str) -> tuple[str, dict, list[str]]:
    """The alt text without Marp's keywords, the hints they give, and keywords not honoured.

    Keywords are read only when the alt text holds `bg` or a size (`w:300`): an alt text such
    as "left side of the road" is a description, not a placement."""
    tokens = alt.split()
    if not any(token == "bg" or SIZE.match(token) for token in tokens):
        return alt, {}, []
    background = "bg" in tokens
    hints: dict = {}
    kept, ignored = [], []
    for token in tokens:
        size, side = SIZE.match(token), SIDE.match(token)
        if token == "bg":
            hints["background"] = hints.get("background", "full")
        elif size:
            hints["width" if size.group(1) in ("w", "width") else "height"] = size.group(2)
        elif background and side:
            hints["background"] = side.group(1)
            if side.group(2):
                hints["share"] = float(side.group(2)) / 100
        elif background and token in FITS:
            hints["fit"] = FITS[token]
        elif background and re.fullmatch(r"\d+(\.\d+)?%", token):
            hints["fit"] = "contain"  # a sized background: shown whole
        elif token.split(":")[0] in FILTERS:
            ignored.append(token)
        else:
            kept.append(token)
    return " ".join(kept), hints, ignored


def image_from_element(element, line: int) -> tuple[Image, list[str]]:
    """An Image from an <img> element (Markdown or HTML), and the Marp keywords not honoured."""
    alt, hints, ignored = read_marp_alt((element.get("alt") or "").strip())
    for key in ("width", "height"):
        if element.get(key):
            hints[key] = element.get(key).strip()
    return Image(src=element.get("src", "").strip(), alt=alt, line=line, title=element.get("title"), **hints), ignored


def image_from_html(tag: str, line: int) -> tuple[Image, list[str]] | None:
    """An Image from the text of an HTML <img …> tag; None when it names no picture."""
    attrs = {key.lower(): html.unescape(value.strip("\"'")) for key, value in IMG_ATTR.findall(tag)}
    if not attrs.get("alt") and re.match(r"<\s*(video|audio|source)\b", tag, re.I):
        attrs["alt"] = attrs.get("aria-label") or attrs.get("title") or ""  # media have no alt: their label
        attrs.pop("title", None)
    return image_from_element(attrs, line) if attrs.get("src") else None
