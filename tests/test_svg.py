"""SVG pictures (builder/svg.py): checked, measured, drawn."""
import gzip
import io

import pytest

from builder.svg import MAX_ELEMENTS, SvgRefused, rasterise, read_svg

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(body: str = "", attrs: str = 'viewBox="0 0 40 20"') -> bytes:
    return f"<svg {NS} {attrs}>{body}</svg>".encode()


@pytest.mark.parametrize("attrs,size", [
    ('viewBox="0 0 40 20"', (40, 20)),
    ('width="2in" height="1in"', (192, 96)),
    ('width="300" viewBox="0 0 40 20"', (300, 150)),
    ('height="10mm" viewBox="0,0,20,10"', (pytest.approx(75.59, 0.01), pytest.approx(37.80, 0.01))),
    ('width="100%" height="100%" viewBox="0 0 8 4"', (8, 4)),
    ("", (300, 150)),  # CSS's default for a picture that gives no size
])
def test_size(attrs, size):
    drawing = read_svg(svg(attrs=attrs))
    assert (drawing.width, drawing.height) == size


@pytest.mark.parametrize("data,reason", [
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "DTD"),
    (b'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg xmlns="http://www.w3.org/2000/svg"/>', "DTD"),
    (svg('<image xlink:href="file:///etc/passwd" width="1" height="1"/>'), "file:///etc/passwd"),
    (svg('<image href="https://example.com/x.png"/>'), "https://example.com"),
    (svg('<use href="other.svg#shape"/>'), "other.svg"),
    (svg('<rect style="fill: url(http://evil.test/p.svg#g)"/>'), "evil.test"),
    (svg('<style>@import "https://fonts.example/css";</style>'), "fonts.example"),
    (svg(attrs='width="100000" height="10"'), "at most"),
    (svg("<g/>" * (MAX_ELEMENTS + 1)), "elements"),
    (b"<html><body/></html>", "not an SVG"),
    (b"<svg", "well-formed"),
])
def test_hostile_or_broken_drawings_are_refused(data, reason):
    with pytest.raises(SvgRefused, match=reason):
        read_svg(data)


def test_internal_references_are_fine():
    drawing = read_svg(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="4" height="4"/>'
                           '<use href="#g"/><image href="data:image/png;base64,AAAA"/>'))
    assert drawing.width == 40


@pytest.mark.slow
def test_svgz_is_read_and_its_inflation_bounded():
    assert read_svg(gzip.compress(svg())).width == 40
    with pytest.raises(SvgRefused, match="inflates"):
        read_svg(gzip.compress(svg("<!--" + " " * 25_000_000 + "-->")))


def test_drawn_at_the_size_asked():
    from PIL import Image

    png = rasterise(read_svg(svg('<rect width="40" height="20" fill="red"/>')).svg, 80, 40)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (80, 40) and image.convert("RGB").getpixel((40, 20)) == (255, 0, 0)
