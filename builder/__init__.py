"""deck: Markdown to PowerPoint decks that are right as PowerPoint opens them."""
from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"
__all__ = ["build", "__version__"]


def build(source, output=None, *, encoding: str | None = None, template=None, theme: str | None = None,
          settings: dict | None = None, allow_remote: bool = False, allow_outside: bool = False,
          max_pixels: int | None = None):
    """Build the Markdown file `source` into a .pptx deck and return its summary (a BuildResult:
    `output`, `slides`, `warnings`, `diagnostics`, `seconds`).

    `output` None: beside the source, with the .pptx suffix. `template`: a .pptx or .potx to
    build on; `theme`: a built-in theme; None for both: the front matter's, else the default.
    `settings`: {"footer": "ACME", "slide-numbers": True, …}, as `--set` gives them.
    Raises builder.diagnostics.BuildError when no deck can be made; warnings never raise.
    """
    from .access import DEFAULT_MAX_PIXELS, Access
    from .pipeline import build as run

    source = Path(source)
    output = Path(output) if output is not None else source.with_suffix(".pptx")
    access = Access(allow_outside=allow_outside, allow_remote=allow_remote, max_pixels=max_pixels or DEFAULT_MAX_PIXELS)
    overrides = tuple(f"{key}={'true' if value is True else 'false' if value is False else value}"
                      for key, value in (settings or {}).items())
    return run(source, output, encoding=encoding, access=access, template=Path(template) if template else None,
               theme=theme, overrides=overrides)
