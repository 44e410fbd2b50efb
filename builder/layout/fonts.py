"""Measure text with the real metrics of the font it will be shown in (Pillow's FreeType).

A typeface is looked up by name among the machine's font files; where it is absent, its
metric-compatible twin is used (Calibri → Carlito, Arial → Liberation Sans, Courier New →
Liberation Mono, …), which has the same advance widths by design. Where no file exists at all,
widths are estimated conservatively: 0.62 em for every character (wider than the average
Latin letter of any common sans-serif face), 1.0 em for East Asian wide characters, and a
line height of 1.25 em.

Widths are the sum of each character's advance, without kerning or ligatures: PowerPoint
kerns only some sizes and LibreOffice others, and leaving kerning out can only overestimate.
"""
from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .cmap import covered_characters

EM = 1000  # measure at 1000 px to the em, then scale: widths come out in em
FALLBACK_ADVANCE = 0.62
FALLBACK_WIDE = 1.0
EMOJI_ADVANCE = 1.3  # emoji fonts draw wider than an em: Noto Color Emoji 1.245, Apple's and Segoe's near it
FALLBACK_LINE = 1.25

TWINS = {  # family → families with the same metrics, in order of preference
    "calibri": ["calibri", "carlito"],
    "calibri light": ["calibri light", "carlito"],
    "cambria": ["cambria", "caladea"],
    "arial": ["arial", "liberation sans", "arimo"],
    "helvetica": ["helvetica", "liberation sans", "arimo"],
    "times new roman": ["times new roman", "liberation serif", "tinos"],
    "courier new": ["courier new", "liberation mono", "cousine"],
    "georgia": ["georgia", "gelasio"],
}
STYLE_SUFFIXES = {  # how font files name their styles
    (False, False): ["regular", "", "r", "book", "roman"],
    (True, False): ["bold", "b", "bd"],
    (False, True): ["italic", "i", "it", "oblique"],
    (True, True): ["bolditalic", "z", "bi", "boldoblique"],
}
WINDOWS_STEMS = {"courier new": "cour", "times new roman": "times", "calibri light": "calibril"}
FALLBACK_FACES = ["dejavu sans", "liberation sans", "noto sans"]  # for characters a face lacks


def font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
            home / "Library/Fonts"]
    windir = os.environ.get("WINDIR")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft/Windows/Fonts")
    return [d for d in dirs if d.is_dir()]


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


@lru_cache(maxsize=1)
def font_files() -> dict[str, str]:
    """Every font file on the machine by its normalised file stem ("carlitobold" → path)."""
    found: dict[str, str] = {}
    for folder in font_dirs():
        for root, _, names in os.walk(folder):
            for name in sorted(names):
                if name.lower().endswith((".ttf", ".otf", ".ttc")):
                    found.setdefault(_key(Path(name).stem), os.path.join(root, name))
    return found


def find_font(family: str, bold: bool = False, italic: bool = False) -> str | None:
    """The file that will draw `family` in this style, or its metric twin's; None if neither."""
    files = font_files()
    family = family.lower().strip()
    for candidate in TWINS.get(family, [family]):
        stems = [_key(candidate), _key(WINDOWS_STEMS.get(candidate, candidate))]
        for stem in stems:
            for suffix in STYLE_SUFFIXES[(bold, italic)]:
                path = files.get(stem + suffix)
                if path:
                    return path
    return None


def is_emoji(ch: str) -> bool:
    """Whether `ch` is drawn from an emoji font (a pictograph shown as a picture by default)."""
    return "\U0001f000" <= ch <= "\U0001faff" or "\u2600" <= ch <= "\u27bf" or "\u2b00" <= ch <= "\u2bff"


class Face(NamedTuple):
    """A typeface in one style (a tuple: it is hashed for every word measured)."""

    family: str
    bold: bool = False
    italic: bool = False


class FontMeasurer:
    """Widths and line heights in em (multiply by the size in points to get points)."""

    def __init__(self):
        self._advance: dict[tuple[Face, str], float] = {}
        self._words: dict[tuple[Face, str], float] = {}
        self._fonts: dict[Face, tuple[object, set[int] | None] | None] = {}
        self._fallback_font = None

    def _font(self, face: Face):
        if face not in self._fonts:
            path = find_font(face.family, face.bold, face.italic) or find_font(face.family)
            if path is None:
                self._fonts[face] = None
            else:
                from PIL import ImageFont
                font = ImageFont.truetype(path, EM, layout_engine=ImageFont.Layout.BASIC)
                self._fonts[face] = (font, covered_characters(path))
        return self._fonts[face]

    def _fallback(self):
        if self._fallback_font is None:
            for family in FALLBACK_FACES:
                found = self._font(Face(family))
                if found is not None:
                    self._fallback_font = found
                    break
            else:
                self._fallback_font = False
        return self._fallback_font

    def advance(self, face: Face, ch: str) -> float:
        key = (face, ch)
        width = self._advance.get(key)
        if width is None:
            width = self._measure_char(face, ch)
            self._advance[key] = width
        return width

    def _measure_char(self, face: Face, ch: str) -> float:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff" or "\ufe00" <= ch <= "\ufe0f":
            return 0.0  # marks, joiners and variation selectors take no room of their own
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        found = self._font(face)
        if found is not None:
            font, covered = found
            if covered is None or ord(ch) in covered:
                return font.getlength(ch) / EM
        if wide and is_emoji(ch):
            return EMOJI_ADVANCE
        if wide:
            return FALLBACK_WIDE
        fallback = self._fallback()
        if fallback:
            font, covered = fallback
            if covered is None or ord(ch) in covered:
                return font.getlength(ch) / EM
        return FALLBACK_ADVANCE

    def width(self, text: str, face: Face) -> float:
        """The advance width of `text` in em (words are remembered: they recur)."""
        key = (face, text)
        found = self._words.get(key)
        if found is None:
            advance = self.advance
            found = sum(advance(face, ch) for ch in text)
            if len(text) <= 40:
                self._words[key] = found
        return found

    def line_height(self, face: Face) -> float:
        """Single line spacing in em: the font's ascent, descent and line gap."""
        found = self._font(face)
        if found is None:
            return FALLBACK_LINE
        return found[0].font.height / EM


class FixedMeasurer:
    """A stand-in for tests: every character `advance` em wide, lines `line` em high."""

    def __init__(self, advance: float = 0.5, line: float = 1.2):
        self._advance, self._line = advance, line

    def width(self, text: str, face: Face) -> float:
        return sum(0.0 if unicodedata.combining(ch) else self._advance for ch in text)

    def line_height(self, face: Face) -> float:
        return self._line
