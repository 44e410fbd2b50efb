"""Mistakes on the command line: a usage error (exit 2) with what was probably meant, before any
deck is built. The same mistakes in front matter stay warnings: a deck is still worth building."""
from __future__ import annotations

import difflib
import zipfile
from pathlib import Path

from .diagnostics import Diagnostics


def _meant(wrong: str, choices) -> str:
    close = difflib.get_close_matches(wrong.lower(), sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def usage_problems(theme: str | None, template: Path | None, settings: list[str]) -> tuple[list[str], list[str]]:
    """(errors, notes) of the command line's --theme, --template and --set: errors make the
    command stop with exit status 2; notes are said and the build goes on."""
    from .settings import KEYS, _value, normalise_key
    from .template import THEMES

    errors, notes = [], []
    if theme is not None and theme.lower() not in THEMES and theme.lower() != "default":
        errors.append(f"--theme {theme!r} is not a built-in theme{_meant(theme, THEMES)} (themes: {', '.join(THEMES)})")
    if template is not None:
        if not template.is_file():
            errors.append(f"--template {template}: no such file")
        elif not zipfile.is_zipfile(template) or template.suffix.lower() not in (".pptx", ".potx", ".pptm", ".potm"):
            errors.append(f"--template {template} is not a PowerPoint file (.pptx or .potx)")
        if theme is not None:
            notes.append(f"--template {template} and --theme {theme} both given: the template wins")
    for item in settings:
        raw_key, sep, raw = item.partition("=")
        key = normalise_key(raw_key)
        if key not in KEYS:
            errors.append(f"--set {item!r}: {raw_key.strip()!r} is not a setting{_meant(key, KEYS)} "
                          f"(settings: {', '.join(sorted(KEYS))})")
        elif not sep:
            errors.append(f"--set {item!r}: give it a value, as --set {key}=VALUE")
        else:
            report = Diagnostics("--set")
            _value(KEYS[key], raw, None, report, None)
            errors.extend(f"--set {item!r}: {warning.message.removesuffix('; ignored')}" for warning in report.warnings)
    return errors, notes
