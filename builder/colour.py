"""Colours as "RRGGBB": relative luminance and contrast as WCAG 2 defines them."""
from __future__ import annotations

MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text


def luminance(colour: str) -> float:
    """The relative luminance of `colour`, from 0 (black) to 1 (white)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# The builder's own text colours (code, quotes, captions, syntax) are chosen for a light slide;
# on a dark one each is replaced by its counterpart, also at least 4.5:1 on the dark theme's slate.
ON_DARK = {
    "1F3864": "9CC3FF",  # code
    "595959": "BFBFBF",  # quotes, captions
    "5F6368": "A8B0B8",  # comments
    "0033B3": "8AB4F8",  # keywords, tags
    "871094": "D7A6F0",  # built-ins, attributes
    "00627A": "5CCFE6",  # functions, classes
    "7A6200": "E5C07B",  # decorators
    "067D17": "95D67F",  # strings
    "1750EB": "82AAFF",  # numbers
    "B31412": "FF8A80",  # deleted lines
    "C00000": "FF8A80",  # errors
}


def is_dark(background: str) -> bool:
    return luminance(background) < 0.2


def for_background(colour: str, background: str) -> str:
    """`colour`, one of the builder's own, as it should be on `background`."""
    return ON_DARK.get(colour.upper(), colour) if is_dark(background) else colour
