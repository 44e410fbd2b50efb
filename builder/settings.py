"""Settings that change a template without editing it: fonts, colours, a logo, the footer, the
date and slide numbers — from front matter, overridden by `--set key=value` on the command line."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .diagnostics import Diagnostics

HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
TRUE, FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0"}
ALIASES = {"paginate": "slide-numbers", "title-font": "heading-font"}  # Marp's, and a natural synonym


@dataclass(frozen=True)
class Settings:
    """What the author asked to change; None (or False) leaves the template's own."""

    heading_font: str | None = None
    body_font: str | None = None
    code_font: str | None = None
    accent_colour: str | None = None  # "RRGGBB"
    text_colour: str | None = None
    background_colour: str | None = None
    logo: str | None = None  # a picture path, relative to the Markdown file
    footer: str | None = None
    footer_date: str | None = None  # the text shown in the date placeholder
    slide_numbers: bool = False


KEYS = {field.name.replace("_", "-"): field.name for field in fields(Settings)}


def normalise_key(raw) -> str:
    """A setting's key as written ("Accent_Color", "paginate") → as read ("accent-colour", "slide-numbers")."""
    key = str(raw).strip().lower().replace("_", "-").replace("color", "colour")
    return ALIASES.get(key, key)


def _value(name: str, raw, line: int | None, report: Diagnostics, date: str | None):
    text = str(raw).strip() if raw is not None else ""
    if name.endswith("colour"):
        match = HEX.match(text)
        if not match:
            report.warn(line, "setting", f"{name.replace('_', '-')}: {text!r} is not a colour such as #1F3864; ignored")
            return None
        digits = match.group(1)
        return (digits if len(digits) == 6 else "".join(ch * 2 for ch in digits)).upper()
    if name == "slide_numbers":
        if isinstance(raw, bool):
            return raw
        if text.lower() in TRUE | FALSE:
            return text.lower() in TRUE
        report.warn(line, "setting", f"slide-numbers: {text!r} is not true or false; ignored")
        return None
    if name == "footer_date":
        if raw is True or text.lower() in TRUE:
            return date  # the deck's own date, from its front matter
        return None if raw is False or text.lower() in FALSE else text or None
    return text or None


def read_settings(front: dict, overrides: list[str], report: Diagnostics, date: str | None = None,
                  lines: dict | None = None) -> Settings:
    """The settings of one build: front matter's keys among KEYS, then each "key=value" of
    `overrides` (the command line's --set). Bad values and unknown --set keys are warnings, a
    front-matter key's at its line in `lines` (None, or a key not in it: line 1)."""
    values: dict = {}
    for raw_key, raw in front.items():
        key = normalise_key(raw_key)
        if key in KEYS:
            value = _value(KEYS[key], raw, (lines or {}).get(str(raw_key).lower(), 1), report, date)
            if value is not None:
                values[KEYS[key]] = value
    for item in overrides:
        raw_key, sep, raw = item.partition("=")
        key = normalise_key(raw_key)
        if not sep or key not in KEYS:
            report.warn(None, "setting", f"--set {item!r}: expected key=value with a key among "
                        f"{', '.join(sorted(KEYS))}; ignored")
            continue
        value = _value(KEYS[key], raw, None, report, date)
        if value is not None:
            values[KEYS[key]] = value
    return Settings(**values)


def front_matter_keys() -> set[str]:
    """The front-matter spellings read here (for the composer, which warns about the others)."""
    spellings = set(KEYS) | set(ALIASES)
    return spellings | {key.replace("colour", "color") for key in spellings}
