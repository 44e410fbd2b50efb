"""TeX math in the text (builder/parse/math.py) and its linear form (builder/compose/maths.py)."""
import pytest

from builder.compose import compose
from builder.compose.maths import read_mathml
from builder.diagnostics import Diagnostics
from builder.parse import parse
from builder.parse.math import mathml_of


def equations(text: str) -> list[tuple[str, str]]:
    return [(element.text, element.get("display")) for element in parse(text).iter("tex-math")]


@pytest.mark.parametrize("text,found", [
    ("Mass $E = mc^2$ here", [("E = mc^2", "0")]),
    ("costs $5 and $10 today", []),  # pandoc's rule: a closing $ has no space before, no digit after
    ("from $HOME/bin to $PATH", []),
    ("a $ b $ c", []),
    (r"escaped \$x\$ stays", []),
    ("in `code $x$` stays", []),
    (r"\(a_1 * b_2\) and \[x\]", [("a_1 * b_2", "0"), ("x", "1")]),
    ("$$\\frac{a}{b}$$", [("\\frac{a}{b}", "1")]),
    ("$x_1$ and $y_2$", [("x_1", "0"), ("y_2", "0")]),  # underscores are not emphasis
])
def test_where_math_is_found(text, found):
    assert equations(text) == found


def test_environments_are_display_math():
    text = "Before\n\n\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n\nAfter\n"
    [(tex, display)] = equations(text)
    assert tex.startswith("\\begin{align}") and tex.endswith("\\end{align}") and display == "1"
    assert "After" in "".join(parse(text).itertext())


def test_environment_inside_code_stays_code():
    assert equations("```\n\\begin{equation}\nx\n\\end{equation}\n```\n") == []


@pytest.mark.parametrize("tex,problem", [
    ("\\frac{1}{", "not TeX the converter can read"),
    ("\\notacommand{x}", "does not know: \\notacommand"),
    ("x" * 5000, "longer than"),
])
def test_tex_the_converter_cannot_read(tex, problem):
    mathml, found = mathml_of(tex)
    assert mathml is None and problem in found


def test_unreadable_tex_is_shown_as_written_with_a_warning():
    report = Diagnostics("t.md")
    deck = compose(parse("## S\n\nSee $\\nothing{x}$ here\n"), {}, report, "F")
    [paragraph] = deck.slides[0].blocks
    assert [run.text for run in paragraph.runs] == ["See ", "$\\nothing{x}$", " here"]
    assert paragraph.runs[1].code and paragraph.runs[1].math is None
    [warning] = report.items
    assert warning.line == 3 and "\\nothing" in warning.message


@pytest.mark.parametrize("tex,linear,lines", [
    ("E = mc^2", "E = mc²", 1.3),
    ("\\frac{a}{b}", "a/b", 2.0),
    ("\\sqrt{x+1}", "√(x + 1)", 1.0),
    ("\\alpha_i", "α_i", 1.3),
    ("\\sum_{i=1}^{n} i", "∑_(i = 1)ⁿ i", 1.3),
    ("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "(a, b; c, d)", 2.0),
])
def test_linear_form_and_height(tex, linear, lines):
    mathml, problem = mathml_of(tex)
    assert problem is None
    text, height = read_mathml(mathml)
    assert text.replace("\xa0", " ") == linear and " " not in text  # it never breaks inside
    assert height == pytest.approx(lines)


def test_a_code_span_inside_maths_is_read_as_its_text_not_as_a_placeholder():
    tree = parse("$$\nx + `y`\n$$\n")
    mathml = tree.find(".//tex-math").get("mathml")
    assert "<mi>z</mi><mi>z</mi>" not in mathml  # the "klzzwxh" of a placeholder, letter by letter
    assert mathml == parse("$$\nx + y\n$$\n").find(".//tex-math").get("mathml")
