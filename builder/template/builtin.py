"""The built-in themes read once, ahead of time: their Templates kept in `builtin.json.gz` beside
this module, so that a deck on a built-in theme is built without importing python-pptx (a tenth
of a second of every cold build).

The file says which sources it was made from (a digest of the template stage's modules and of
python-pptx's own default template): when they have changed since, it is not used and the theme is
read the usual way, a little slower, never differently. `python -m builder.template.builtin`
writes it again; a test fails while it is out of date.
"""
from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

from .. import geometry
from . import model

SNAPSHOT = Path(__file__).with_name("builtin.json.gz")
# The modules whose code decides what a built-in theme's Template holds.
SOURCES = ("__init__.py", "builtin.py", "catalogue.py", "frozen.py", "layouts.py", "model.py", "opening.py",
           "themes.py", "../geometry.py")
KINDS = {cls.__name__: cls for module in (geometry, model) for cls in vars(module).values()
         if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__}
_loaded: dict | None = None


def fingerprint() -> str | None:
    """A digest of what the built-in themes are made from; None when python-pptx is not found."""
    spec = importlib.util.find_spec("pptx")  # found, not imported
    if spec is None or not spec.origin:
        return None
    pptx_dir = Path(spec.origin).parent
    digest = hashlib.sha1()
    here = Path(__file__).parent
    for path in [here / name for name in SOURCES] + [pptx_dir / "__init__.py",
                                                     *sorted((pptx_dir / "templates").glob("*"))]:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


def _encode(value):
    if dataclasses.is_dataclass(value):
        return {"@": type(value).__name__,
                **{item.name: _encode(getattr(value, item.name)) for item in dataclasses.fields(value)}}
    if isinstance(value, bytes):
        return {"@bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return {"@tuple": [_encode(item) for item in value]}
    if isinstance(value, dict):
        return {"@dict": [[_encode(key), _encode(item)] for key, item in value.items()]}
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"a Template holds no {type(value).__name__}")


def _decode(value):
    if isinstance(value, dict):
        if "@bytes" in value:
            return base64.b64decode(value["@bytes"])
        if "@tuple" in value:
            return tuple(_decode(item) for item in value["@tuple"])
        if "@dict" in value:
            return {_decode(key): _decode(item) for key, item in value["@dict"]}
        return KINDS[value["@"]](**{key: _decode(item) for key, item in value.items() if key != "@"})
    return value


def load(theme: str) -> model.Template | None:
    """The Template of built-in theme `theme` with no settings applied, as kept ahead of time;
    None when the snapshot is missing or was made from other sources than these."""
    global _loaded
    if _loaded is None:
        try:
            stored = json.loads(gzip.decompress(SNAPSHOT.read_bytes()))
        except (OSError, ValueError, EOFError):
            stored = {}
        _loaded = stored if stored.get("fingerprint") == fingerprint() else {}
    found = _loaded.get("themes", {}).get(theme)
    return _decode(found) if found is not None else None


def snapshot() -> bytes:
    """The snapshot's bytes, made now with python-pptx: the same on every run."""
    from ..diagnostics import Diagnostics
    from . import THEMES, open_presentation, read

    themes = {}
    for name in THEMES:
        report = Diagnostics("snapshot")
        themes[name] = _encode(read(open_presentation(theme=name), None, report, f"the {name} theme"))
        if report.items:  # a built-in theme's messages would be lost here: there must be none
            raise RuntimeError(f"the {name} theme: {report.items[0]}")
    text = json.dumps({"fingerprint": fingerprint(), "themes": themes}, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    """Write the snapshot again (after a change to the template stage or to python-pptx)."""
    SNAPSHOT.write_bytes(snapshot())
    print(f"wrote {SNAPSHOT} ({SNAPSHOT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
