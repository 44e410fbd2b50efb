"""Output is atomic and reproducible; a killed or failed build never leaves a broken deck."""
import os
import signal
import subprocess
import sys
import zipfile

import pytest

from builder import write
from builder.write import normalise, write_atomic


def test_write_replaces_the_file(tmp_path):
    target = tmp_path / "sub" / "deck.pptx"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["deck.pptx"]


def test_a_failed_write_keeps_the_last_good_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    write_atomic(target, b"good")

    def broken(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(write.os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"good"
    assert os.listdir(tmp_path) == ["deck.pptx"]


def test_normalised_zip_has_fixed_dates(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x.xml", "<x/>")
    data = normalise(path.read_bytes())
    with zipfile.ZipFile(tmp_path / "a.zip") as _, zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        assert [info.date_time for info in archive.infolist()] == [write.ZIP_DATE]


def test_same_input_same_bytes(build_deck, tmp_path):
    first, _ = build_deck("---\ntitle: T\n---\n## S\n\nText\n", name="a")
    second, _ = build_deck("---\ntitle: T\n---\n## S\n\nText\n", name="b")
    assert first.output.read_bytes() == second.output.read_bytes()


KILLED_WRITER = """
import os, sys, time
from builder import write

def hang(src, dst):  # the new deck is complete in its temporary file: stop just before the rename
    print("written", flush=True)
    time.sleep(120)

write.os.replace = hang
from builder.cli import main
sys.exit(main(["build", sys.argv[1], "-o", sys.argv[2], "-q"]))
"""


@pytest.mark.slow
def test_a_build_killed_while_writing_leaves_the_old_deck_and_the_next_build_cleans_up(tmp_path):
    source, deck = tmp_path / "talk.md", tmp_path / "out" / "talk.pptx"
    source.write_text("## One\n\nfirst version\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "builder", "build", str(source), "-o", str(deck), "-q"], check=True)
    before = deck.read_bytes()
    source.write_text("## One\n\nsecond version\n", encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(source), str(deck)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "written"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    leftovers = [name for name in os.listdir(deck.parent) if name.endswith(".tmp")]
    assert deck.read_bytes() == before and len(leftovers) == 1  # killed: no chance to clean up
    subprocess.run([sys.executable, "-m", "builder", "build", str(source), "-o", str(deck), "-q"], check=True)
    assert os.listdir(deck.parent) == ["talk.pptx"] and deck.read_bytes() != before


def test_a_running_builds_temporary_file_is_left_alone(tmp_path):
    target = tmp_path / "deck.pptx"
    mine = tmp_path / f".deck.pptx.{os.getpid()}.abc.tmp"
    gone = tmp_path / ".deck.pptx.999999999.abc.tmp"  # no process has such a number
    mine.write_bytes(b"in progress")
    gone.write_bytes(b"left behind")
    assert write.remove_stale_temporaries(target) == [gone]
    assert mine.exists() and not gone.exists()


def test_an_unwritable_output_is_one_clear_message(tmp_path):
    from builder.cli import main

    source = tmp_path / "talk.md"
    source.write_text("## S\n\ntext\n", encoding="utf-8")
    (tmp_path / "file").write_text("a file, not a folder")
    run = subprocess.run([sys.executable, "-m", "builder", "build", str(source), "-o",
                          str(tmp_path / "file" / "x.pptx")], capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and "x.pptx: error: cannot write" in run.stderr
    assert main(["build", str(source), "-o", str(tmp_path / "new" / "folder" / "talk.pptx"), "-q"]) == 0


def test_building_onto_its_own_source_is_refused(tmp_path):
    from builder.cli import main

    same = tmp_path / "same.pptx"
    same.write_text("## S\n", encoding="utf-8")
    assert main(["build", str(same), "-o", str(same), "-q"]) == 1
    assert same.read_text(encoding="utf-8") == "## S\n"
