"""The built-in themes by name: what each looks like (themes.py makes them)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """A look: title and body text colours, the slide background (None: white), the accent
    (tables, the band), hyperlinks, and whether titles sit on a band of the accent."""

    name: str
    description: str
    title: str
    text: str
    background: str | None = None
    accent: str = "2E75B6"
    link: str = "0563C1"
    band: bool = False


THEMES = {theme.name: theme for theme in (
    Theme("light", "white slides, dark-blue titles: the default", title="1F3864", text="262626"),
    Theme("dark", "dark slate slides, light text, for dim rooms and screens", title="9CC3FF", text="F2F2F2",
          background="1B2430", accent="4F81BD", link="8AB4F8"),
    Theme("band", "white slides, titles in white on a deep-blue band", title="1F3864", text="262626",
          accent="1F3864", band=True),
)}
DEFAULT_THEME = "light"
