"""Luminance and contrast as WCAG 2 defines them."""
import pytest

from builder.colour import contrast, luminance


def test_luminance_runs_from_black_to_white():
    assert luminance("000000") == 0 and luminance("FFFFFF") == pytest.approx(1.0)
    assert luminance("00FF00") > luminance("FF0000") > luminance("0000FF")  # the eye's weights


def test_contrast_matches_wcag_reference_values():
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("FFFFFF", "000000") == contrast("000000", "FFFFFF")
    assert contrast("777777", "777777") == pytest.approx(1.0)
    assert contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)  # the palest grey that passes AA
