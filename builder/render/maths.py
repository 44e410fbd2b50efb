"""Equations as PowerPoint writes them: Office Math (OMML, made from MathML by mathml2omml) in an
`a14:m` element, inside markup compatibility's AlternateContent with a readable fallback.

The choice requires both `a14` and the math namespace `m`. PowerPoint understands both and shows
the native equation. LibreOffice (7.4) claims `a14` but drops the equation it holds: naming `m`
too makes it, and any reader without Office Math, take the fallback, the equation's linear text
in the paragraph's own font.
"""
from __future__ import annotations

import functools
import re

from .xml import text as escape_text

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A14 = "http://schemas.microsoft.com/office/drawing/2010/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MATH_FONT = "Cambria Math"  # PowerPoint's, and Word's, font for equations
RUN_TEXT = re.compile(r"(<m:r>(?:<m:rPr>.*?</m:rPr>)?)")
TYPEFACES = re.compile(r'<a:(latin|cs) typeface="[^"]*"/>')


@functools.lru_cache(maxsize=512)
def omml(mathml: str) -> str:
    """The m:oMath element of `mathml`, as XML text (converted once per equation)."""
    import mathml2omml

    return mathml2omml.convert(mathml)


def equation(mathml: str, display: bool, properties: str, fallback: str) -> str:
    """The equation of `mathml` as paragraph content: `properties` (an a:rPr, as XML text) sets
    its size and colour; `fallback` is the linear text shown where equations are not."""
    math_properties = TYPEFACES.sub("", properties).replace(
        "</a:rPr>", f'<a:latin typeface="{MATH_FONT}"/><a:cs typeface="{MATH_FONT}"/></a:rPr>')
    if math_properties.endswith("/>"):  # an empty a:rPr: give it the font
        math_properties = math_properties[:-2] + f'><a:latin typeface="{MATH_FONT}"/></a:rPr>'
    body = RUN_TEXT.sub(lambda match: match.group(1) + math_properties, omml(mathml))
    if display:
        body = f'<m:oMathPara><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>{body}</m:oMathPara>'
    return (f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:a14="{A14}" xmlns:m="{M}" Requires="a14 m">'
            f'<a14:m>{body}</a14:m></mc:Choice><mc:Fallback><a:r>{properties}<a:t>{escape_text(fallback)}</a:t>'
            '</a:r></mc:Fallback></mc:AlternateContent>')
