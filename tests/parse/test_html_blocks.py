"""HTML containers read as fenced divs (builder/parse/html_blocks.py), driven by
tests/fixtures/html.txt: the slides' outline, then each warning as `warning LINE: message`."""
from pathlib import Path

import pytest

from builder.compose import compose
from builder.diagnostics import Diagnostics
from builder.parse import parse
from builder.parse.html_blocks import attributes, says_columns, width_of
from builder.source import split_front_matter
from tests.outline import outline, read_fixtures

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html.txt"
CASES = read_fixtures(FIXTURES)


@pytest.mark.parametrize("title,line,markdown,expected", CASES, ids=[case[0] for case in CASES])
def test_fixture(title, line, markdown, expected):
    report = Diagnostics("test.md")
    front, text = split_front_matter(markdown, report)
    deck = compose(parse(text), front, report, "Fallback")
    warnings = [f"warning {item.line}: {item.message}" for item in report.items if item.level == "warning"]
    assert "\n".join([outline(deck), *warnings]) == expected, f"{FIXTURES.name}:{line}: {title}"


@pytest.mark.parametrize("attrs,columns", [
    ('class="columns"', True), ('class="grid grid-cols-3 gap-2"', True), ('class="two-cols"', True),
    ('style="display:grid; grid-template-columns: 1fr 1fr"', True), ('style="display: flex"', True),
    ('style="display:flex;flex-direction:column"', False), ('class="flex flex-col"', False),
    ('class="note"', False), ('', False),
])
def test_which_divs_are_columns(attrs, columns):
    assert says_columns(attributes(attrs)) is columns


def test_widths():
    assert width_of(attributes('width="40%"')) == "40%"
    assert width_of(attributes("style='flex-basis: 25%'")) == "25%"
    assert width_of(attributes('width="300"')) is None


@pytest.mark.slow
def test_deep_nesting_is_bounded():
    text = "## Deep\n\n" + "<div>\n" * 5000 + "words\n" + "</div>\n" * 5000
    report = Diagnostics("test.md")
    deck = compose(parse(text), {}, report, "Fallback")
    assert "words" in outline(deck)
    assert any("nested deeper" in item.message for item in report.items)
