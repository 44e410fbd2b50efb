"""Shared fixtures: build decks in a temporary folder and validate every one against ECMA-376
(when ../shared, with the validator, sits beside the repository)."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.diagnostics import Diagnostics
from builder.layout.fonts import FixedMeasurer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
VALIDATOR = SHARED / "tools" / "ooxml" / "validate_pptx.py"
AUDIT = SHARED / "tools" / "deck_audit.py"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true",
                     help="also run the slow tests: LibreOffice renders, audits, very long decks (CI runs them)")


SLOW = False  # set by --slow, before test modules are collected


def pytest_configure(config):
    global SLOW
    SLOW = bool(config.getoption("--slow"))
    _without_fork()
    config.addinivalue_line("markers", "slow: minutes rather than seconds; skipped unless --slow")
    config.addinivalue_line("markers", "libreoffice: needs LibreOffice's soffice (always slow)")
    config.addinivalue_line("markers", "shared: needs ../shared beside the repository")


def _without_fork() -> None:
    """The whole suite runs as on Windows: no `os.fork`, process pools started by "spawn"."""
    import multiprocessing
    import os

    for name in ("fork", "forkpty"):
        if hasattr(os, name):
            delattr(os, name)
    multiprocessing.set_start_method("spawn", force=True)


def pytest_collection_modifyitems(config, items):
    """Slow tests skip, saying how to run them, unless --slow: the default run is a quick loop."""
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: `pytest --slow` runs it (CI does)")
    for item in items:
        if "slow" in item.keywords or "libreoffice" in item.keywords:
            item.add_marker(skip)


def needs_libreoffice(test):
    """Mark `test` as drawing with LibreOffice (slow), skipped, saying why, where it is missing."""
    test = pytest.mark.libreoffice(pytest.mark.slow(test))
    return pytest.mark.skipif(shutil.which("soffice") is None,
                              reason="LibreOffice is not installed (Debian: libreoffice-impress)")(test)


def needs_shared(test):
    """Mark `test` as reading ../shared, skipped, saying why, where it is absent."""
    return pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the repository")(
        pytest.mark.shared(test))


def needs_audit(test):
    """Skip `test`, saying why, where the audit tool, its PDF reader or LibreOffice is missing."""
    test = pytest.mark.skipif(not AUDIT.exists(), reason="../shared/tools/deck_audit.py is not here")(test)
    test = pytest.mark.skipif(importlib.util.find_spec("pymupdf") is None,
                              reason="the audit's PDF reader is not installed (pip install pymupdf)")(test)
    return needs_libreoffice(pytest.mark.shared(test))


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of each page of the PDF at `path` (read with pypdfium2)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [tuple(page.get_size()) for page in document]
    finally:
        document.close()

_schemas = None


def _validator():
    global _schemas
    if not VALIDATOR.exists():
        return None
    if "validate_pptx" not in sys.modules:
        spec = importlib.util.spec_from_file_location("validate_pptx", VALIDATOR)
        module = importlib.util.module_from_spec(spec)
        sys.modules["validate_pptx"] = module
        spec.loader.exec_module(module)
    module = sys.modules["validate_pptx"]
    if _schemas is None:
        _schemas = module.load_schemas(str(VALIDATOR.parent / "schemas"))
    return module.PackageValidator(_schemas)


_checked: set[tuple[str, bytes]] = set()


def assert_valid(path: Path) -> None:
    """The deck opens in python-pptx and, where the validator is available, every part is valid
    (each content once: the fixture below has usually checked it already)."""
    import hashlib

    from pptx import Presentation

    key = (str(path), hashlib.sha1(Path(path).read_bytes()).digest())
    if key in _checked:
        return
    Presentation(str(path))
    validator = _validator()
    if validator is not None:
        invalid = [(part.name, part.errors[:1]) for part in validator.validate(str(path)) if part.status == "invalid"]
        assert not invalid, f"{path.name}: schema errors: {invalid}"
    _checked.add(key)


@pytest.fixture(autouse=True)
def every_deck_is_valid(monkeypatch):
    """Every deck a test builds in this process is opened and validated as it is written."""
    from builder import write

    written = write.write_atomic

    def write_and_check(path, data):
        written(path, data)
        if Path(path).suffix == ".pptx":
            assert_valid(Path(path))

    write_and_check.__wrapped__ = written  # for a test that checks what it writes itself
    monkeypatch.setattr(write, "write_atomic", write_and_check)


@pytest.fixture
def build_deck(tmp_path):
    """build_deck(markdown, name="deck", **files) → (BuildResult, Presentation); the deck is
    validated. Extra keyword arguments are files written beside the Markdown (bytes or str)."""
    from pptx import Presentation

    from builder.pipeline import build

    def make(markdown: str, name: str = "deck", measurer=None, **files):
        for filename, content in files.items():
            target = tmp_path / filename.replace("__", "/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode())
        source = tmp_path / f"{name}.md"
        source.write_text(markdown, encoding="utf-8")
        result = build(source, tmp_path / "out" / f"{name}.pptx", measurer=measurer)
        assert_valid(result.output)
        return result, Presentation(str(result.output))

    return make




@pytest.fixture
def report():
    return Diagnostics("test.md")


@pytest.fixture
def fixed_measurer():
    return FixedMeasurer(advance=0.5, line=1.2)


def slide_texts(slide) -> dict[str, str]:
    """Shape name → text, for every text shape of a python-pptx slide."""
    return {shape.name: shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def audit_problems(deck: Path, source: Path) -> dict[str, int]:
    """The non-zero counts deck_audit.py finds on `deck` rendered by LibreOffice (empty: none)."""
    run = subprocess.run([sys.executable, str(AUDIT), str(deck), "--source", str(source), "--json"],
                         capture_output=True, text=True, timeout=600)
    counts = json.loads(run.stdout)["counts"]
    return {key: value for key, value in counts.items() if key != "slides" and value}
