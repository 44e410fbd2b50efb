"""The pipeline's rules: each module does one job; data flows one way."""
import pytest
import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "builder"


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def part(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def test_only_the_parser_imports_markdown():
    assert {part(p) for p in modules() if "markdown" in imports(p)} == {"parse"}


@pytest.mark.slow
def test_only_the_template_stage_imports_pptx():
    assert {part(p) for p in modules() if "pptx" in imports(p)} == {"template"}


@pytest.mark.slow
def test_only_the_layout_lays_out_diagrams():
    """mermaid2pptx (which brings python-pptx with it) is imported by the layout alone, and
    only when a deck has a diagram."""
    assert {part(p) for p in modules() if "mermaid2pptx" in imports(p)} == {"layout"}
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
        assert not any((getattr(node, "module", "") or "").startswith("mermaid2pptx") for node in top_level), path


def test_the_model_and_the_composer_import_nothing_from_outside():
    for path in modules():
        if part(path) in ("model", "compose", "placed", "geometry", "language", "diagnostics"):
            outside = {name for name in imports(path) if name not in sys.stdlib_module_names}
            assert not outside, f"{path.name} imports {outside}"


def test_modules_stay_small():
    for path in modules():
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 330, path


def test_nothing_in_the_builder_forks():
    """One code path on every platform: no fork, nor a start method asked for by name."""
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                assert "fork" not in node.attr, f"{path.name}:{node.lineno} uses {node.attr}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert node.value not in ("fork", "forkserver"), f"{path.name}:{node.lineno} asks for {node.value}"


def test_the_suite_runs_where_fork_is_unavailable():
    import multiprocessing
    import os

    assert not hasattr(os, "fork")
    assert multiprocessing.get_start_method() == "spawn"
