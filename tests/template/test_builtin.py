"""The built-in themes kept ahead of time (builder/template/builtin.py)."""
import subprocess
import sys
from pathlib import Path

import pytest

from builder.settings import Settings
from builder.template import THEMES, builtin, open_presentation, read, read_theme


def test_snapshot_is_up_to_date():
    assert builtin.load("light") is not None, (
        "builder/template/builtin.json.gz is out of date: run `python -m builder.template.builtin`")


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_kept_theme_equals_one_read_now(theme):
    assert builtin.load(theme) == read(open_presentation(theme=theme), None, None, f"the {theme} theme")


@pytest.mark.slow
def test_snapshot_is_made_the_same_each_time():
    assert builtin.snapshot() == builtin.snapshot()


def test_a_changed_source_sets_the_snapshot_aside(monkeypatch):
    monkeypatch.setattr(builtin, "_loaded", None)
    monkeypatch.setattr(builtin, "fingerprint", lambda: "not the one it was made from")
    assert builtin.load("light") is None
    assert read_theme("light") == read(open_presentation(theme="light"))  # read the usual way instead
    monkeypatch.setattr(builtin, "_loaded", None)


def test_settings_written_into_the_template_are_applied():
    plain = read_theme("light")
    accented = read_theme("light", Settings(accent_colour="AA0000"))
    assert accented != plain
    theme_part = next(part for part in accented.parts if part.name.startswith("/ppt/theme/"))
    assert b"AA0000" in theme_part.blob
    coded = read_theme("light", Settings(code_font="Consolas"))
    assert coded.info.fonts.code == "Consolas" and coded.parts == plain.parts


@pytest.mark.slow
def test_a_deck_on_a_built_in_theme_is_built_without_python_pptx(tmp_path):
    source = tmp_path / "talk.md"
    source.write_text("# Talk\n\n## One\n\n- a point\n\nNote: said aloud\n", encoding="utf-8")
    script = ("import sys\nfrom pathlib import Path\nfrom builder.pipeline import build\n"
              f"build(Path({str(source)!r}), Path({str(tmp_path / 'talk.pptx')!r}))\n"
              "print(sorted(name for name in sys.modules if name.split('.')[0] == 'pptx'))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2], timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "talk.pptx").stat().st_size > 0
