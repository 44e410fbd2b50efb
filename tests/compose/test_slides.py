"""Markdown → slides, driven by tests/fixtures/slides.txt (markdown-it-py's fixture format)."""
from pathlib import Path

import pytest

from builder.compose import compose
from builder.parse import parse
from builder.source import split_front_matter
from tests.outline import outline, read_fixtures

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "slides.txt"
CASES = read_fixtures(FIXTURES)


@pytest.mark.parametrize("title,line,markdown,expected", CASES, ids=[case[0] for case in CASES])
def test_fixture(title, line, markdown, expected, report):
    front, text = split_front_matter(markdown, report)
    deck = compose(parse(text), front, report, "Fallback")
    assert outline(deck) == expected, f"{FIXTURES.name}:{line}: {title}"
