"""Progress and colour: only on a terminal, and every slide reported as it is written."""
from builder import progress
from builder.diagnostics import Diagnostic
from builder.pipeline import build


def test_a_build_reports_each_slide_as_it_is_written(tmp_path):
    source = tmp_path / "long.md"
    source.write_text("".join(f"## S{n}\n\ntext\n\n" for n in range(120)), encoding="utf-8")
    seen = []
    build(source, tmp_path / "long.pptx", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 120) for n in range(1, 121)]


def test_colour_and_bars_only_on_a_terminal(monkeypatch):
    item = Diagnostic("talk.md", 3, "image-missing", "picture p.png not found")
    assert progress.coloured(item) == str(item)  # captured output is no terminal
    assert not progress.Bar(True).wanted
    monkeypatch.setattr(progress, "on_terminal", lambda stream=None: True)
    assert progress.coloured(item) == "talk.md:3: \033[33mwarning\033[0m: picture p.png not found [image-missing]"
    assert progress.Bar(True).wanted and not progress.Bar(False).wanted


def test_no_color_turns_colour_off(monkeypatch):
    class Terminal:
        def isatty(self):
            return True
    assert progress.on_terminal(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not progress.on_terminal(Terminal())


def test_a_bar_over_a_long_deck_runs_and_leaves_nothing_behind(monkeypatch, capsys):
    monkeypatch.setattr(progress, "on_terminal", lambda stream=None: True)
    with progress.Bar(True) as bar:
        for done in range(1, 151):
            bar.slides(done, 150)
        assert bar._progress is not None and bar._progress.tasks[0].completed == 150
    with progress.Bar(True) as short:
        short.slides(5, 10)  # a short deck: no bar
        assert short._progress is None
