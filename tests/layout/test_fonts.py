"""Measuring with real font metrics, metric twins and the stated fallback."""
import pytest

from builder.layout import fonts
from builder.layout.cmap import covered_characters
from builder.layout.fonts import Face, FontMeasurer, find_font

CARLITO = find_font("Carlito")


@pytest.mark.skipif(CARLITO is None, reason="Carlito is not installed (Debian: fonts-crosextra-carlito)")
def test_calibri_is_measured_with_carlito_when_absent():
    from PIL import ImageFont

    path = find_font("Calibri")
    assert path is not None
    font = ImageFont.truetype(path, 1000, layout_engine=ImageFont.Layout.BASIC)
    expected = sum(font.getlength(ch) for ch in "Cloud computing") / 1000
    assert FontMeasurer().width("Cloud computing", Face("Calibri")) == pytest.approx(expected)
    assert FontMeasurer().line_height(Face("Calibri")) == pytest.approx(1.221, abs=0.002)


@pytest.mark.skipif(CARLITO is None, reason="Carlito is not installed")
def test_bold_is_wider_than_regular():
    measurer = FontMeasurer()
    assert measurer.width("Entreprises", Face("Calibri", bold=True)) > measurer.width("Entreprises", Face("Calibri"))


@pytest.mark.skipif(CARLITO is None, reason="Carlito is not installed")
def test_characters_the_font_lacks_are_measured_as_wide_glyphs():
    assert 0x3009 not in covered_characters(find_font("Calibri"))
    assert FontMeasurer().width("\u3009", Face("Calibri")) == 1.0


def test_without_any_font_file_the_fallback_is_conservative(monkeypatch):
    monkeypatch.setattr(fonts, "font_files", lambda: {})
    measurer = FontMeasurer()
    assert measurer.width("abcd", Face("Calibri")) == pytest.approx(4 * fonts.FALLBACK_ADVANCE)
    assert measurer.line_height(Face("Calibri")) == fonts.FALLBACK_LINE


def test_emoji_are_measured_wider_than_an_em_where_the_face_lacks_them():
    from builder.layout.fonts import EMOJI_ADVANCE, FontMeasurer

    measurer = FontMeasurer()
    face = Face("Calibri")
    assert measurer.width("🎉", face) == EMOJI_ADVANCE
    assert measurer.width("❤\ufe0f", face) == measurer.width("❤", face)  # the variation selector takes no room
