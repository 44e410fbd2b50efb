"""The template stage: a user's .pptx/.potx or a built-in theme, with the author's settings, read
once into a frozen Template (what layout measures against and render copies); the only part of
the builder that imports `pptx`, and only when it must (a built-in theme is read ahead of time:
builtin.py)."""
from __future__ import annotations

from dataclasses import replace

from .catalogue import DEFAULT_THEME, THEMES
from .model import Template

__all__ = ["DEFAULT_THEME", "THEMES", "Template", "TemplateError", "as_potx", "open_presentation", "read",
           "read_theme"]


class TemplateError(Exception):
    """The file cannot be used as a template; the message says why."""


def open_presentation(data: bytes | None = None, theme: str | None = None, removed: list | None = None):
    """The python-pptx Presentation a template is read from: the .pptx or .potx in `data`
    without its slides, made safe first (what was taken out is added to `removed`; None: not
    said), else the built-in theme `theme` (None: the default one). Raises TemplateError. Only
    `read` should take it further."""
    if data is not None:
        from .opening import user_template
        from .sanitise import sanitised
        data, taken = sanitised(data)
        if removed is not None:
            removed.extend(taken)
        return user_template(data)
    from .themes import themed_template
    return themed_template(theme or DEFAULT_THEME)


def read(prs, settings=None, report=None, template_name: str = "the template") -> Template:
    """The Template of `prs` (from open_presentation) with `settings` (a builder.settings.Settings;
    None: none) applied; `report` (None: silent) hears of what the template lacks. `prs` is
    changed and must not be used again."""
    from .frozen import freeze
    from .layouts import describe
    from .themes import apply_settings

    if settings is not None:
        apply_settings(prs, settings)
    info = describe(prs, report, template_name)
    return freeze(prs, _with_code_font(info, settings))


def read_theme(theme: str | None = None, settings=None, report=None, template_name: str | None = None) -> Template:
    """The Template of built-in theme `theme` (None: the default) with `settings` (None: none):
    the one kept ahead of time when the settings leave the template itself alone."""
    from .builtin import load

    name = theme or DEFAULT_THEME
    if settings is None or not changes_template(settings):
        kept = load(name)
        if kept is not None:
            return replace(kept, info=_with_code_font(kept.info, settings))
    return read(open_presentation(theme=name), settings, report, template_name or f"the {name} theme")


def changes_template(settings) -> bool:
    """Whether `settings` are written into the template's own parts (fonts and colours are;
    the code font, logo, footer, date and slide numbers are the renderer's)."""
    return any((settings.heading_font, settings.body_font, settings.accent_colour, settings.text_colour,
                settings.background_colour))


def _with_code_font(info, settings):
    if settings is not None and settings.code_font:
        return replace(info, fonts=replace(info.fonts, code=settings.code_font))
    return info


def as_potx(data: bytes) -> bytes:
    """A .pptx package as a .potx: PowerPoint opens it as a new, untitled presentation."""
    from .opening import as_potx as retyped
    return retyped(data)
