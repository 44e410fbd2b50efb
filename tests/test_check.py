"""`deck check`: problems reported before a deck is built, as lines or JSON."""
import json

from PIL import Image as PILImage

from builder.check import check
from builder.cli import main
from tests.conftest import audit_problems, needs_audit

BAD = """## Crowded

- one
- two
- three
- four
- five
- six
- seven
- eight

## Pictures

![](tiny.png)

![](missing.png)

<!-- _class: lead -->

## Long

""" + "word " * 900 + "\n"
# What the audit counts, and the check that tells of it before the build.
AUDIT_TO_CHECK = {"noalt": "alt-text", "upscaled": "image-small", "overflow": "continued", "lost": "image-missing"}


def bad_deck(folder):
    PILImage.new("RGB", (60, 40), (200, 0, 0)).save(folder / "tiny.png")
    source = folder / "bad.md"
    source.write_text(BAD, encoding="utf-8")
    return source


def test_check_reports_each_problem_at_its_line_without_writing_a_deck(tmp_path):
    source = bad_deck(tmp_path)
    found = [(item.line, item.code) for item in check(source)]
    assert (1, "crowded") in found and (14, "alt-text") in found and (16, "image-missing") in found
    assert (18, "directive") in found and any(code == "continued" for _, code in found)
    assert any(code == "image-small" for _, code in found)
    assert sorted(tmp_path.iterdir()) == [tmp_path / "bad.md", tmp_path / "tiny.png"]


def test_check_prints_lines_or_json_and_fails_on_errors_or_strict_warnings(tmp_path, capsys):
    source = bad_deck(tmp_path)
    assert main(["check", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(f"{source}:") and ": warning: " in line for line in lines)
    assert main(["check", str(source), "--strict"]) == 1
    capsys.readouterr()
    assert main(["check", str(source), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {item["code"] for item in items} >= {"crowded", "alt-text", "image-missing", "continued"}
    assert main(["check", str(tmp_path / "absent.md")]) == 1


@needs_audit
def test_check_names_beforehand_whatever_the_audit_finds_in_the_built_deck(tmp_path):
    source = bad_deck(tmp_path)
    codes = {item.code for item in check(source)}
    assert main(["build", str(source), "-o", str(tmp_path / "bad.pptx"), "-q"]) == 0
    found = audit_problems(tmp_path / "bad.pptx", source)
    assert all(AUDIT_TO_CHECK.get(count) in codes for count in found), (found, codes)
