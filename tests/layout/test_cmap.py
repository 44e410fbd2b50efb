"""Our cmap reader agrees with fontTools' on the fonts of this machine.

fontTools would do the job, but importing it and decoding one font's cmap costs about 0.1 s
against 2 ms here, on every cold build: the reader stays ours, and fontTools checks it."""
from pathlib import Path

import pytest

from builder.layout.cmap import covered_characters

ttLib = pytest.importorskip("fontTools.ttLib", reason="fontTools checks the cmap reader: pip install -e '.[test]'")
FONTS = sorted(path for folder in ("/usr/share/fonts", "/Library/Fonts", "C:/Windows/Fonts") if Path(folder).is_dir()
               for path in Path(folder).rglob("*") if path.suffix.lower() in (".ttf", ".otf", ".ttc"))[:40]


@pytest.mark.skipif(not FONTS, reason="no font files on this machine")
@pytest.mark.parametrize("path", FONTS, ids=lambda path: path.name)
def test_the_characters_a_font_covers_are_the_ones_fonttools_reads(path):
    font = ttLib.TTFont(str(path), lazy=True, fontNumber=0)
    best = font.getBestCmap()
    if best is None:
        assert covered_characters(str(path)) is None
    else:  # fontTools lists code points mapped to glyph 0 (.notdef) too: those are not covered
        notdef = font.getGlyphOrder()[0]
        assert covered_characters(str(path)) == {code for code, glyph in best.items() if glyph != notdef}


def test_a_file_that_is_not_a_font_covers_nothing(tmp_path):
    (tmp_path / "x.ttf").write_bytes(b"not a font at all")
    assert covered_characters(str(tmp_path / "x.ttf")) is None
