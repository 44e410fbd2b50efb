"""The template stage: a user's .pptx/.potx or a built-in theme, with the author's settings, read
once into a frozen Template (what layout measures against and render copies); the only part of
the builder that imports `pptx`."""
from __future__ import annotations

from dataclasses import replace

from .frozen import Template
from .layouts import describe
from .opening import TemplateError, as_potx, user_template
from .themes import DEFAULT_THEME, THEMES, apply_settings, themed_template

__all__ = ["DEFAULT_THEME", "THEMES", "Template", "TemplateError", "as_potx", "open_presentation", "read"]


def open_presentation(data: bytes | None = None, theme: str | None = None):
    """The python-pptx Presentation a template is read from: the .pptx or .potx in `data`
    without its slides, else the built-in theme `theme` (None: the default one). Raises
    TemplateError. Only `read` should take it further."""
    if data is not None:
        return user_template(data)
    return themed_template(theme or DEFAULT_THEME)


def read(prs, settings=None, report=None, template_name: str = "the template") -> Template:
    """The Template of `prs` (from open_presentation) with `settings` (a builder.settings.Settings;
    None: none) applied; `report` (None: silent) hears of what the template lacks. `prs` is
    changed and must not be used again."""
    from .frozen import freeze

    if settings is not None:
        apply_settings(prs, settings)
    info = describe(prs, report, template_name)
    if settings is not None and settings.code_font:
        info = replace(info, fonts=replace(info.fonts, code=settings.code_font))
    return freeze(prs, info)
