"""Output is atomic and reproducible."""
import os
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
