"""A document read piece by piece gives the tree of the whole, lines included; pieces are cut
only where nothing can reach across, and a reading kept is handed out again unchanged."""
import os
import xml.etree.ElementTree as etree

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from builder.parse import _parse_whole, parse
from builder.parse.chunks import boundaries, pieces
from tests import conftest

LINES = ["# Title", "## Slide", "### Part", "#not a heading", "", "", "text with *emphasis* and `code`",
         "- a point", "  - a sub-point", "1. first", "> a quote", "```python", "```", "~~~", "    indented code",
         "::: columns", ":::: column", "::::", ":::", "$$", "E = mc^2", "$$ x $$", "<!-- a note -->",
         "<!--", "-->", "<div>", "</div>", "[link][ref]", "[ref]: http://x.org", "a[^1] note", "[^1]: the note",
         "---", "***", "| a | b |", "|---|---|", "| 1 | 2 |", "![a picture](p.png)", "Title", "=====",
         "<!-- layout: Title Only -->", "??? notes", "Notes: here", "[.build-lists: true]", ". . ."]


def shape(element, with_lines: bool = True) -> tuple:
    attributes = sorted((k, v) for k, v in element.attrib.items() if with_lines or k != "data-line")
    return (element.tag, attributes, element.text, element.tail, [shape(c, with_lines) for c in element])


def lines(root) -> list[int]:
    return [int(e.get("data-line")) for e in root.iter() if e.get("data-line")]


def test_pieces_begin_at_headings_after_a_blank_line():
    text = "# One\n\ntext\n## Joined\n\n## Two\n\n- a\n\n### Three\n"
    assert [start for start, _ in boundaries(text)] == [0, 5, 9]


@pytest.mark.parametrize("text", [
    "## A\n\n```\n\n# code\n```\n",  # a heading inside code
    "## A\n\n::: notes\n\n# inside\n:::\n",  # inside a fenced div
    "## A\n\n$$\n\n# inside\n$$\n",  # inside display math
    "## A\n\n<!--\n\n# inside\n-->\n",  # inside a comment
])
def test_no_piece_begins_inside_code_divs_maths_or_comments(text):
    assert [start for start, _ in boundaries(text)] == [0]


@pytest.mark.parametrize("text", [
    "## A\n\n[x][r]\n\n## B\n\n[r]: http://x.org\n",  # a reference defined on another slide
    "## A\n\nsee[^1]\n\n## B\n\n[^1]: there\n",  # footnotes are numbered across the deck
    "## A\n\n<div>\n\n## B\n\n</div>\n",  # an HTML block may hold headings
    "## A\n\n```\n\n## B\n",  # a fence never closed
])
def test_a_document_whose_pieces_could_reach_into_one_another_is_read_whole(text):
    assert pieces(text) is None


@settings(max_examples=int(os.environ.get("DECK_PROPERTY_EXAMPLES", "0")) or (300 if conftest.SLOW else 60),
          deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=40))
@example(["## A", "", "- one", "", "## B", "", "```", "# x", "```", "", "## C", "text"])
@example(["# T", "", "::: columns", "", "## in", ":::", "", "## after", "", "$$ a $$", "", "## last"])
def test_reading_piece_by_piece_gives_the_tree_of_the_whole(lines):
    # lines aside: the whole is searched for each element from the last one found, so a text
    # met twice may be given the first one's line; a piece is searched from its own start
    text = "\n".join(lines)
    assert shape(parse(text), with_lines=False) == shape(_parse_whole(text), with_lines=False)


def test_pieces_are_a_few_slides_each_and_an_edit_changes_only_its_own():
    slides = [f"## Slide {n}\n\n- point {n}\n" for n in range(200)]
    grouped = pieces("\n".join(slides))
    assert 50 < len(grouped) < 150  # two slides a piece on average, not one
    assert "\n".join(piece for _, piece in grouped) == "\n".join(slides)  # nothing lost or doubled
    slides[100] = slides[100].replace("point", "point, edited")
    edited = pieces("\n".join(slides))
    assert len({piece for _, piece in edited} - {piece for _, piece in grouped}) <= 2


def test_a_kept_reading_is_handed_out_again_and_moved_lines_are_counted_anew():
    slides = [f"## Slide {n}\n\n- point {n}\n" for n in range(12)]
    kept: dict = {}
    first = parse("\n".join(slides), kept)
    again = parse("\n".join(slides), kept)
    assert all(a is b for a, b in zip(first, again))  # the same elements: nothing read twice
    moved = parse("\n\n" + "\n".join(slides), kept)  # two lines more above every slide
    assert lines(moved) == [line + 2 for line in lines(first)]
    assert shape(moved) == shape(_parse_whole("\n\n" + "\n".join(slides)))
    assert lines(parse("\n".join(slides), kept)) == lines(first)  # the moved copies left the kept trees alone


def test_what_is_kept_is_this_texts_pieces_only():
    kept: dict = {}
    parse("## A\n\none\n\n## B\n\ntwo\n", kept)
    text = "".join(f"## C{n}\n\nthree\n\n" for n in range(12))
    parse(text, kept)
    assert sorted(kept) == sorted(pieces(text))
    parse("## only one piece\n", kept)
    assert kept == {}


def test_the_root_is_an_element_tree_div():
    assert isinstance(parse("## A\n\n## B\n"), etree.Element) and parse("## A\n\n## B\n").tag == "div"
