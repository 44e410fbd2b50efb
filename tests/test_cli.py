"""The deck command: what a person types and what they see."""
import os
import re
import subprocess
import sys

import pytest

from builder.cli import main
from tests.conftest import ROOT, assert_valid


def test_build_one_file_to_a_named_output(tmp_path, capsys):
    source = tmp_path / "talk.md"
    source.write_text("## Hello\n\nworld\n")
    assert main(["build", str(source), "-o", str(tmp_path / "x" / "talk.pptx")]) == 0
    assert_valid(tmp_path / "x" / "talk.pptx")
    line = capsys.readouterr().out.strip()
    assert re.fullmatch(r".*talk\.pptx: 1 slides?, 0 warnings, \d+\.\d\d s", line)


@pytest.mark.slow
def test_build_with_no_argument_builds_slides_src_into_output(tmp_path, monkeypatch, capsys):
    (tmp_path / "slides_src").mkdir()
    for name in ("a", "b"):
        (tmp_path / "slides_src" / f"{name}.md").write_text(f"## {name}\n\ntext\n")
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 0
    assert sorted(os.listdir(tmp_path / "output")) == ["a.pptx", "b.pptx"]
    assert len(capsys.readouterr().out.strip().splitlines()) == 2  # one line per deck


def test_warnings_are_printed_with_file_and_line(tmp_path, capsys):
    source = tmp_path / "w.md"
    source.write_text("## S\n\n![x](missing.png)\n")
    assert main(["build", str(source), "-o", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert f"{source}:3: warning:" in captured.err
    assert "1 warning," in captured.out


@pytest.mark.slow
def test_a_missing_source_is_one_line_and_exit_1_while_others_build(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text("## S\n\nx\n")
    assert main(["build", str(tmp_path / "nope.md"), str(good), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "nope.md: error: no such file" in err and "Traceback" not in err
    assert (tmp_path / "out" / "good.pptx").exists()


def test_not_utf8_names_the_byte_offset(tmp_path, capsys):
    source = tmp_path / "latin.md"
    source.write_bytes("## Caf\xe9\n".encode("latin-1"))
    assert main(["build", str(source), "-o", str(tmp_path)]) == 1
    assert "offset 6" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2  # no slides_src here
    assert main([]) == 2
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("x")
    b.write_text("y")
    assert main(["build", str(a), str(b), "-o", "one.pptx"]) == 2


def test_output_may_not_overwrite_the_source(tmp_path, capsys):
    source = tmp_path / "same.pptx"
    source.write_text("## x\n")
    assert main(["build", str(source), "-o", str(source)]) == 1
    assert source.read_text() == "## x\n"


def test_help_shows_examples_and_loads_no_heavy_module():
    code = ("import sys, contextlib, io\nfrom builder.cli import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try: main(['build', '--help'])\n"
            "    except SystemExit: pass\n"
            "print('examples:' in out.getvalue(), any(m.split('.')[0] in ('pptx', 'PIL', 'markdown') for m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["True", "False"]


@pytest.mark.slow
def test_python_m_builder_is_the_same_command(tmp_path):
    source = tmp_path / "m.md"
    source.write_text("## S\n\nx\n")
    result = subprocess.run([sys.executable, "-m", "builder", "build", str(source), "-o", str(tmp_path / "m.pptx")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and (tmp_path / "m.pptx").exists()
    assert subprocess.run([sys.executable, "-m", "builder", "--help"], capture_output=True, text=True,
                          cwd=ROOT).stdout.count("deck build") >= 3


def test_strict_turns_warnings_into_a_failing_status(tmp_path, capsys):
    clean, warned = tmp_path / "clean.md", tmp_path / "warned.md"
    clean.write_text("## S\n\ntext\n")
    warned.write_text("## S\n\n![x](missing.png)\n")
    assert main(["build", str(clean), "--strict", "-o", str(tmp_path / "out")]) == 0
    assert main(["build", str(warned), "-o", str(tmp_path / "out")]) == 0
    assert main(["build", str(warned), "--strict", "-o", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out" / "warned.pptx").exists()  # the deck is still written


def test_json_prints_decks_and_messages_as_objects(tmp_path, capsys):
    import json

    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text("## S\n\n![x](missing.png)\n")
    bad.write_bytes("## Café\n".encode("latin-1"))
    assert main(["build", str(good), str(bad), "--json", "-o", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert captured.err == ""
    assert report["decks"] == [{"source": str(good), "output": str(tmp_path / "out" / "good.pptx"),
                                "slides": 1, "warnings": 1}]
    assert [(m["file"], m["line"], m["level"], m["code"]) for m in report["diagnostics"]] == \
        [(str(good), 3, "warning", "image-missing"), (str(bad), 1, "error", "encoding")]
    assert all(set(m) == {"file", "line", "level", "code", "message"} for m in report["diagnostics"])


def test_allow_outside_and_max_pixels_reach_the_pictures(tmp_path, capsys):
    from PIL import Image as PILImage

    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / "deck.toml").write_text("")
    PILImage.new("RGB", (100, 100)).save(elsewhere / "a.png")
    source = project / "talk.md"
    source.write_text("## S\n\n![x](../elsewhere/a.png)\n")
    assert main(["build", str(source), "-o", str(tmp_path / "out")]) == 0
    assert "[image-outside]" in capsys.readouterr().err
    assert main(["build", str(source), "--allow-outside", "-o", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == ""
    assert main(["build", str(source), "--allow-outside", "--max-pixels", "9999", "-o", str(tmp_path / "out")]) == 0
    assert "[image-too-large]" in capsys.readouterr().err


def test_bad_option_values_are_usage_errors(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as stopped:
        main(["build", "x.md", "--max-pixels", "lots"])
    assert stopped.value.code == 2 and "--max-pixels" in capsys.readouterr().err


@pytest.mark.slow
def test_a_folder_builds_on_every_core_with_the_same_bytes_as_one_at_a_time(tmp_path, capsys):
    folder = tmp_path / "talks"
    folder.mkdir()
    for number in range(4):
        (folder / f"talk{number}.md").write_text(f"# Part {number}\n\n## Slide\n\n- point {number}\n")
    (folder / "broken.md").write_bytes("## Café\n".encode("latin-1"))
    assert main(["build", str(folder), "-o", str(tmp_path / "serial"), "--jobs", "1"]) == 1
    serial = capsys.readouterr()
    assert main(["build", str(folder), "-o", str(tmp_path / "parallel"), "--jobs", "3"]) == 1
    parallel = capsys.readouterr()
    names = sorted(os.listdir(tmp_path / "serial"))
    assert names == [f"talk{n}.pptx" for n in range(4)] == sorted(os.listdir(tmp_path / "parallel"))
    assert all((tmp_path / "serial" / n).read_bytes() == (tmp_path / "parallel" / n).read_bytes() for n in names)
    # the same lines, in the order of the files, whichever deck finished first
    assert re.sub(r"\d+\.\d\d s", "", serial.out).replace("serial", "X") == \
        re.sub(r"\d+\.\d\d s", "", parallel.out).replace("parallel", "X")
    assert serial.err == parallel.err and "broken.md:1: error: not UTF-8" in serial.err


MISTAKES = [  # a newcomer's command-line mistakes, and what the usage error says of each
    (["--theme", "drak"], "did you mean 'dark'?"),
    (["--set", "slide-number=true"], "did you mean 'slide-numbers'?"),
    (["--set", "footer"], "give it a value"),
    (["--set", "accent-colour=blue"], "is not a colour"),
    (["--template", "nothere.pptx"], "no such file"),
    (["--template", "talk.md"], "is not a PowerPoint file"),
]


@pytest.mark.parametrize("options, said", MISTAKES)
def test_command_line_mistakes_are_usage_errors_with_what_was_meant(tmp_path, monkeypatch, capsys, options, said):
    (tmp_path / "talk.md").write_text("## S\n\ntext\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "talk.md", "-o", "out", *options]) == 2
    assert said in capsys.readouterr().err and not (tmp_path / "out").exists()
    assert main(["pdf", "talk.md", *options]) == 2  # the other commands that take them say the same


def test_theme_and_template_together_say_which_wins(tmp_path, monkeypatch, capsys):
    from builder.pipeline import export_theme

    (tmp_path / "talk.md").write_text("## S\n\ntext\n", encoding="utf-8")
    (tmp_path / "corp.pptx").write_bytes(export_theme("band"))
    monkeypatch.chdir(tmp_path)
    assert main(["build", "talk.md", "-o", "out", "-q", "--theme", "dark", "--template", "corp.pptx"]) == 0
    assert "the template wins" in capsys.readouterr().err


def test_one_slide_and_one_warning_are_said_in_the_singular(tmp_path, monkeypatch, capsys):
    (tmp_path / "talk.md").write_text("![no alt](missing.png)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "talk.md", "-o", "out"]) == 0
    out = capsys.readouterr().out
    assert ": 1 slide, " in out and ("1 warning," in out or "2 warnings," in out)


def test_check_reads_another_encoding_as_build_does(tmp_path, monkeypatch, capsys):
    (tmp_path / "win.md").write_bytes("## Prix – 5 €\n\ntexte\n".encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "win.md"]) != 0 and "--encoding cp1252" in capsys.readouterr().out
    assert main(["check", "win.md", "--encoding", "cp1252"]) == 0


def test_check_takes_a_folder_as_build_does(tmp_path, monkeypatch, capsys):
    (tmp_path / "talks").mkdir()
    (tmp_path / "talks" / "a.md").write_text("## A\n\n![x](missing.png)\n", encoding="utf-8")
    (tmp_path / "talks" / "b.md").write_text("## B\n\ntext\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "talks"]) == 0
    assert "a.md:3: warning" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["talk.ppt", "talk.odp", "talk.pdf"])
def test_an_output_named_like_another_kind_of_file_is_a_usage_error_not_a_folder(tmp_path, monkeypatch, capsys, name):
    (tmp_path / "talk.md").write_text("## S\n\ntext\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "talk.md", "-o", name]) == 2
    assert "writes PowerPoint .pptx decks" in capsys.readouterr().err and not (tmp_path / name).exists()


def test_template_export_writes_only_pptx_or_potx_and_never_over_a_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["template", "export", "band", "-o", "mine.odp"]) == 2 and not (tmp_path / "mine.odp").exists()
    assert main(["template", "export", "band", "-o", "mine.potx"]) == 0
    before = (tmp_path / "mine.potx").read_bytes()
    assert main(["template", "export", "dark", "-o", "mine.potx"]) == 1
    assert (tmp_path / "mine.potx").read_bytes() == before and "exists" in capsys.readouterr().err
