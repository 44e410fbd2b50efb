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
